import type { z } from 'zod';
import { contract, type Client, type Handlers, type Input, type Output } from './contract';
import { METHOD_NAMES, type MethodName } from './methods';
import { ContractError, unwrapEnvelope, type Envelope } from './envelope';

const isMethod = (name: string): name is MethodName => (METHOD_NAMES as readonly string[]).includes(name);

/** `path: message` lines a user can act on, instead of zod's raw issue objects. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
}

export type Dispatch = (method: string, rawInput: unknown) => Promise<Envelope>;

export interface DispatchOptions {
  /** Called with unexpected errors (bugs); the caller gets their message without the stack. */
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * The single entry point every host calls: validates the input against the
 * contract, runs the handler, validates the output, and turns any failure
 * into an error envelope. Nothing thrown in a handler reaches a transport raw.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (name, rawInput) => {
    if (!isMethod(name)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no method called "${name}".` } };
    }
    const spec = contract[name];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return {
        ok: false,
        error: { code: 'invalid_input', message: `Invalid input for ${name}: ${issues.join('; ')}`, issues },
      };
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const result = await handler(parsed.data);
      return { ok: true, data: spec.output.parse(result) };
    } catch (error) {
      if (error instanceof ContractError) return { ok: false, error: error.toBody() };
      options.onInternalError?.(name, error);
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `Tailor could not complete ${name}: ${detail}` } };
    }
  };
}

/** A typed client over any function that carries (method, input) to a dispatcher and returns its envelope. */
export function createClient(send: (method: MethodName, input: unknown) => Promise<unknown>): Client {
  return {
    async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      return unwrapEnvelope(await send(method, input)) as Output<M>;
    },
  };
}

/** In-process client: same validation path as the hosts, no transport. Used by the CLI and the contract tests. */
export const createDirectClient = (dispatch: Dispatch): Client => createClient((method, input) => dispatch(method, input));
