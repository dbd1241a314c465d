import { alpha2FromCode, countryNameIndex, englishCountryName, foldCountryName } from './country-names';
import { type Country } from './field-type';
import { cellText } from './fold-text';
import { failed, parsed, type Parser } from './parse-context';

/**
 * A country as ISO 3166-1 alpha-2, from an alpha-2 or alpha-3 code or a name in
 * English, French, German, Spanish, Italian, Portuguese or Dutch. The name the
 * file used is kept; a code gets its English name.
 */
export const parseCountry: Parser<Country> = (raw) => {
  const text = cellText(raw);
  if (text === '') return failed('empty');
  const fromCode = alpha2FromCode(text);
  if (fromCode) return parsed({ code: fromCode, name: englishCountryName(fromCode) }, raw);
  const fromName = countryNameIndex().get(foldCountryName(text));
  return fromName ? parsed({ code: fromName, name: text }, raw) : failed(`"${text}" is not a country name or ISO code`);
};
