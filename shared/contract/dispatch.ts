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
  /** Called with unexpected errors (bugs) and the id the user is shown, so a log entry can be found from it. */
  onInternalError?: (method: string, error: unknown, errorId: string) => void;
  /** Where the details go, named in the user's message (`details in …`). */
  errorLogPath?: string;
}

/** Six hex digits from the platform's CSPRNG (this module also runs in the renderer, so no node:crypto). */
function newErrorId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(3));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/**
 * The single entry point every host calls: validates the input against the
 * contract, runs the handler, validates the output, and turns any failure
 * into an error envelope. Nothing thrown in a handler reaches a transport raw:
 * a bug reaches the user as a short message with an error id, and its
 * details go to `onInternalError` (the host's log) under the same id.
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
      // A reply that breaks the contract is a bug of ours, logged like any other: its zod dump is not for users.
      return { ok: true, data: spec.output.parse(result) };
    } catch (error) {
      if (error instanceof ContractError) return { ok: false, error: error.toBody() };
      const id = newErrorId();
      try {
        options.onInternalError?.(name, error, id);
      } catch {
        // Logging is best effort: the user still gets the envelope below.
      }
      const where = options.errorLogPath ? `; details in ${options.errorLogPath}` : '';
      return {
        ok: false,
        error: { code: 'internal', message: `Tailor could not complete ${name} because of an internal problem (error ${id}${where}).` },
      };
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
