import { parsePhone, type ParseContext } from '../../fields/types';
import type { Finding } from '../finding';

/** libphonenumber costs some 30 µs a number; files repeat numbers (a company line, a placeholder), so remember recent ones. */
const verdicts = new Map<string, string | null>();
const MAX_CACHED = 20_000;

/** A phone number an operator could issue, read with the file's default country (libphonenumber-js, full metadata). */
export function checkPhone(phone: string, ctx: ParseContext): Finding | null {
  const key = `${ctx.defaultCountry ?? ''}:${phone}`;
  let reason = verdicts.get(key);
  if (reason === undefined) {
    const result = parsePhone(phone, ctx);
    reason = result.ok ? null : result.reason;
    if (verdicts.size >= MAX_CACHED) verdicts.clear();
    verdicts.set(key, reason);
  }
  return reason === null ? null : { rule: 'phone_validity', message: `phone "${phone}" is ${reason}` };
}
