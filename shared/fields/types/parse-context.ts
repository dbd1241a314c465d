import { z } from 'zod';

/**
 * The locale a file is read with. The decimal separator and the date order
 * only decide values that are ambiguous on their own ("1.234", "05/03/1990"):
 * "1,234.56" and "150,50" read the same in every context.
 */
export const ParseContext = z.object({
  decimalSeparator: z.enum(['.', ',']),
  /** The grouping mark the file uses most; informational, every common one is accepted. */
  thousandsSeparator: z.enum([',', '.', ' ', "'", '']),
  dateOrder: z.enum(['day-first', 'month-first']),
  /** ISO 3166-1 alpha-2 country for phone numbers written without a country code. */
  defaultCountry: z.string().length(2).optional(),
  /** Delimiter for list fields; unset means the first of ";", "|", "," a value contains. */
  listDelimiter: z.string().min(1).optional(),
  /** Anchor for two-digit years (nearest century) as epoch ms; unset means now. */
  referenceTime: z.number().optional(),
});
export type ParseContext = z.infer<typeof ParseContext>;
export type DateOrder = ParseContext['dateOrder'];
export type DecimalSeparator = ParseContext['decimalSeparator'];

export const DEFAULT_CONTEXT: ParseContext = {
  decimalSeparator: '.',
  thousandsSeparator: ',',
  dateOrder: 'month-first',
};

/** A failure is data: the reason says what was wrong with this value. */
export type ParseResult<T> = { ok: true; value: T; original: string } | { ok: false; reason: string };
export type Parser<T> = (raw: string, ctx: ParseContext) => ParseResult<T>;

export const parsed = <T>(value: T, original: string): ParseResult<T> => ({ ok: true, value, original });
export const failed = <T>(reason: string): ParseResult<T> => ({ ok: false, reason });
