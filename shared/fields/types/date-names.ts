import { format, type Locale } from 'date-fns';
import { de, enUS, es, fr, it, nl, pt } from 'date-fns/locale';
import { foldText } from './fold-text';

/** English and the six languages of European exports. */
export const DATE_LOCALES: readonly Locale[] = [enUS, fr, de, es, it, pt, nl];

/**
 * Formats for dates written with a month name, after `normalizeNamedDate`.
 * date-fns' MMMM matches wide and abbreviated names alike ("March", "Mar",
 * "mars", "févr."). A format without a year is a birthday: month and day only.
 */
export const NAMED_FORMATS: readonly { pattern: string; hasYear: boolean }[] = [
  { pattern: 'd MMMM yyyy', hasYear: true },
  { pattern: 'MMMM d yyyy', hasYear: true },
  { pattern: 'd-MMMM-yyyy', hasYear: true },
  { pattern: 'd MMMM yy', hasYear: true },
  { pattern: 'MMMM d yy', hasYear: true },
  { pattern: 'd-MMMM-yy', hasYear: true },
  { pattern: 'd MMMM', hasYear: false },
  { pattern: 'MMMM d', hasYear: false },
  { pattern: 'd-MMMM', hasYear: false },
];

/**
 * "Monday"-free, punctuation-light form: "March 5th, 1990" → "March 5 1990",
 * "5. März 1990" → "5 März 1990", "5 de marzo de 1990" → "5 marzo 1990",
 * "1er mars" → "1 mars".
 */
export const normalizeNamedDate = (text: string): string =>
  text
    .replace(/([0-9])(?:st|nd|rd|th|er|º|°)(?![\p{L}])/giu, '$1')
    .replace(/([0-9])\./g, '$1')
    .replace(/,/g, ' ')
    .replace(/(^|\s)(?:de|del)(?=\s)/gi, '$1')
    .replace(/\s+/g, ' ')
    .trim();

let monthWords: ReadonlyMap<string, readonly Locale[]> | undefined;

/** Folded month names and abbreviations (without their dot) to the locales that use them. */
function monthWordIndex(): ReadonlyMap<string, readonly Locale[]> {
  if (monthWords) return monthWords;
  const words = new Map<string, Locale[]>();
  for (const locale of DATE_LOCALES) {
    for (let month = 0; month < 12; month++) {
      for (const pattern of ['MMMM', 'MMM', 'LLLL', 'LLL']) {
        const word = foldText(format(new Date(2000, month, 1), pattern, { locale })).replace(/\.$/, '');
        const locales = words.get(word) ?? [];
        if (!locales.includes(locale)) locales.push(locale);
        words.set(word, locales);
      }
    }
  }
  monthWords = words;
  return words;
}

/**
 * The locales whose month names a text uses, so a name that is no date ("Anna
 * Smith") costs a lookup rather than a parse per locale and format.
 */
export function localesNamingAMonth(text: string): readonly Locale[] {
  const index = monthWordIndex();
  const found: Locale[] = [];
  for (const token of foldText(text).split(/[^a-z]+/)) {
    for (const locale of index.get(token) ?? []) if (!found.includes(locale)) found.push(locale);
  }
  return found;
}
