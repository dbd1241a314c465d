import { parsePhone, type ParseContext } from '../../fields/types';
import type { Finding } from '../finding';

/** A phone number an operator could issue, read with the file's default country (libphonenumber-js, full metadata). */
export function checkPhone(phone: string, ctx: ParseContext): Finding | null {
  const result = parsePhone(phone, ctx);
  return result.ok ? null : { rule: 'phone_validity', message: `phone "${phone}" is ${result.reason}` };
}
