import { isSupportedCountry, parsePhoneNumberWithError, ParseError } from 'libphonenumber-js/max';
import { cellText } from './fold-text';
import { failed, parsed, type Parser } from './parse-context';

/** libphonenumber-js's error codes, as a person would say them. */
const REASONS: Readonly<Record<string, string>> = {
  INVALID_COUNTRY: 'no country code, and the file has no default country',
  NOT_A_NUMBER: 'not a phone number',
  TOO_SHORT: 'too short for a phone number',
  TOO_LONG: 'too long for a phone number',
  INVALID_LENGTH: 'wrong length for a phone number',
};

/**
 * A phone number in E.164 ("+4915123456789"). Numbers without a country code
 * are read in the context's default country. The full metadata is used, so a
 * number of the right length that no operator issues is still rejected.
 */
export const parsePhone: Parser<string> = (raw, ctx) => {
  const text = cellText(raw);
  if (text === '') return failed('empty');
  const country = ctx.defaultCountry?.toUpperCase();
  const defaultCountry = country !== undefined && isSupportedCountry(country) ? country : undefined;
  try {
    const phone = parsePhoneNumberWithError(text, defaultCountry ? { defaultCountry } : {});
    if (!phone.isValid()) {
      const where = phone.country ?? defaultCountry;
      return failed(where ? `not a valid phone number in ${where}` : 'not a valid phone number');
    }
    return parsed(phone.number, raw);
  } catch (error) {
    if (error instanceof ParseError) return failed(REASONS[error.message] ?? 'not a phone number');
    throw error;
  }
};
