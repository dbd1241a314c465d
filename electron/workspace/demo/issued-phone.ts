import { getExampleNumber, isSupportedCountry, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';

/** How many trailing digits of the generated number are kept at most: a million numbers per country. */
const SUBSCRIBER_DIGITS = 6;

/**
 * A mobile number an operator could issue in `country`, made from a generated one. Faker's numbers are digits in
 * a national shape, and the import's phone rule (libphonenumber's full metadata) finds about three in ten of them
 * impossible, so the demo opened with some 870 customers flagged. The number keeps the country's example mobile
 * prefix and takes its subscriber digits from the generated number, so the demo's random draws (and everything
 * derived from them) stay as they were.
 */
export function issuedPhone(generated: string, country: string): string {
  if (!isSupportedCountry(country)) return generated;
  const example = getExampleNumber(country, examples);
  if (!example) return generated;
  const national = example.nationalNumber;
  const digits = generated.replace(/\D/g, '');
  for (let kept = Math.min(SUBSCRIBER_DIGITS, national.length - 2, digits.length); kept >= 1; kept--) {
    const candidate = `+${example.countryCallingCode}${national.slice(0, national.length - kept)}${digits.slice(-kept)}`;
    const phone = parsePhoneNumberWithError(candidate);
    if (phone.isValid()) return phone.formatInternational();
  }
  return example.formatInternational();
}
