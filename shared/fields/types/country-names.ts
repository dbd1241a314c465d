import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import it from 'i18n-iso-countries/langs/it.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import { foldText } from './fold-text';

/** English first: where two languages use one name for different countries, English wins. */
const LANGUAGES = [en, de, fr, es, it, pt, nl];
for (const language of LANGUAGES) countries.registerLocale(language);

/** "Côte d'Ivoire" → "cote divoire", "U.S.A." → "usa", "Korea, Republic of" → "korea republic of". */
export const foldCountryName = (name: string): string =>
  foldText(name)
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

let index: ReadonlyMap<string, string> | undefined;

/** Every name and alias of every country in the seven languages, folded, to its alpha-2 code. */
export function countryNameIndex(): ReadonlyMap<string, string> {
  if (index) return index;
  const names = new Map<string, string>();
  for (const { locale } of LANGUAGES) {
    for (const [code, all] of Object.entries(countries.getNames(locale, { select: 'all' }))) {
      for (const name of all) {
        const key = foldCountryName(name);
        if (!names.has(key)) names.set(key, code);
      }
    }
  }
  index = names;
  return names;
}

export const englishCountryName = (code: string): string => countries.getName(code, 'en') ?? code;

/** An ISO 3166-1 alpha-2 or alpha-3 code, in any case, to alpha-2. */
export function alpha2FromCode(text: string): string | undefined {
  const code = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(code)) return countries.isValid(code) ? code : undefined;
  if (/^[A-Z]{3}$/.test(code)) return countries.alpha3ToAlpha2(code);
  return undefined;
}
