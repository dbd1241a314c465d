import { parsePhone, type ParseContext } from '../../fields/types';
import type { Finding } from '../finding';

/** What reading a phone number gave: the reason it is not valid, or its E.164 form. */
export interface PhoneReading {
  reason: string | null;
  e164: string | null;
}

/** libphonenumber costs some 30 µs a number; files repeat numbers (a company line, a placeholder), so remember recent ones. */
const readings = new Map<string, PhoneReading>();
const MAX_CACHED = 20_000;

/**
 * A phone number read as validation reads it, remembered, so the import can
 * carry the E.164 form to typing (which reads it in the same country) instead
 * of parsing the number a second time.
 */
export function readPhone(phone: string, ctx: ParseContext): PhoneReading {
  const key = `${ctx.defaultCountry ?? ''}:${phone}`;
  let reading = readings.get(key);
  if (reading === undefined) {
    const result = parsePhone(phone, ctx);
    reading = result.ok ? { reason: null, e164: result.value } : { reason: result.reason, e164: null };
    if (readings.size >= MAX_CACHED) readings.clear();
    readings.set(key, reading);
  }
  return reading;
}

/** A phone number an operator could issue, read with the file's default country (libphonenumber-js, full metadata). */
export function checkPhone(phone: string, ctx: ParseContext): Finding | null {
  const { reason } = readPhone(phone, ctx);
  return reason === null ? null : { rule: 'phone_validity', message: `phone "${phone}" is ${reason}` };
}
