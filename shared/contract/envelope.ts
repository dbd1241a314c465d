import { z } from 'zod';

/**
 * What travels over every transport. Errors are data, not thrown exceptions:
 * Electron IPC would otherwise flatten them to a string and HTTP to a status.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'no_workspace',
  'not_found',
  'conflict',
  'bad_file',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Field-level problems for invalid_input, as `path: message`. */
  issues: z.array(z.string()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** The one error type handlers throw and clients receive. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly issues: string[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: string[]) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.issues = issues;
  }

  toBody(): ErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static fromBody(body: ErrorBody): ContractError {
    return new ContractError(body.code, body.message, body.issues);
  }
}

export const Envelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorBody }),
]);

/** Turn a transport's raw reply into data or a thrown ContractError. */
export function unwrapEnvelope(raw: unknown): unknown {
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) throw new ContractError('internal', 'The Tailor service sent a reply this app does not understand.');
  if (parsed.data.ok) return parsed.data.data;
  throw ContractError.fromBody(parsed.data.error);
}
