import { parseMoney, type ParseContext } from '../../fields/types';
import type { Finding } from '../finding';

const PLAIN = /^-?\d{1,15}(?:\.\d{1,6})?$/;

/** An amount that is not a number, or is negative (a refund belongs in its own status, not a negative order). */
export function checkAmount(text: string, what: string, ctx: ParseContext): Finding | null {
  // Plain decimals, what most order exports write, need no locale-aware parse.
  if (PLAIN.test(text))
    return text.startsWith('-') && Number(text) !== 0 ? { rule: 'amounts', message: `${what} "${text}" is negative` } : null;
  const result = parseMoney(text, ctx);
  if (!result.ok) return { rule: 'amounts', message: `${what} "${text}" is not a number` };
  if (result.value.amount < 0) return { rule: 'amounts', message: `${what} "${text}" is negative` };
  return null;
}
