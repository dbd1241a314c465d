import type { Locale } from 'date-fns';
import { format } from 'date-fns/format';
// One module per locale: the locale index loads all of date-fns' ninety, in every thread that imports.
import { de } from 'date-fns/locale/de';
import { enUS } from 'date-fns/locale/en-US';
import { es } from 'date-fns/locale/es';
import { fr } from 'date-fns/locale/fr';
import { it } from 'date-fns/locale/it';
import { nl } from 'date-fns/locale/nl';
import { pt } from 'date-fns/locale/pt';
import { foldText } from './fold-text';

/** English and the six languages of European exports. */
export const DATE_LOCALES: readonly Locale[] = [enUS, fr, de, es, it, pt, nl];

/**
 * Formats for dates written with a month name, after `monthNameReadings` has
 * written the month in full and `normalizeNamedDate` has dropped commas,
 * ordinals and particles. A format without a year is a birthday: month and day only.
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
 * Punctuation-light form: "March 5th, 1990" → "March 5 1990",
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

interface MonthWord {
  locale: Locale;
  month: number;
}

/** ASCII spellings exports use where the language has an umlaut. */
const ASCII_SPELLINGS: Readonly<Record<string, string>> = { maerz: 'marz' };

let monthWords: ReadonlyMap<string, readonly MonthWord[]> | undefined;
let weekdayWords: ReadonlySet<string> | undefined;

/** A token as looked up: folded (case, accents), without a closing dot, ASCII spellings mapped. */
const wordKey = (token: string): string => {
  const key = foldText(token).replace(/\.$/, '');
  return ASCII_SPELLINGS[key] ?? key;
};

/** Month names and abbreviations of every locale, folded, to the month they name. */
function monthWordIndex(): ReadonlyMap<string, readonly MonthWord[]> {
  if (monthWords) return monthWords;
  const words = new Map<string, MonthWord[]>();
  for (const locale of DATE_LOCALES) {
    for (let month = 0; month < 12; month++) {
      for (const pattern of ['MMMM', 'MMM', 'LLLL', 'LLL']) {
        const key = wordKey(format(new Date(2000, month, 1), pattern, { locale }));
        const entries = words.get(key) ?? [];
        if (!entries.some((entry) => entry.locale === locale)) entries.push({ locale, month });
        words.set(key, entries);
      }
    }
  }
  monthWords = words;
  return words;
}

function weekdayWordIndex(): ReadonlySet<string> {
  if (weekdayWords) return weekdayWords;
  const words = new Set<string>();
  for (const locale of DATE_LOCALES) {
    for (let day = 2; day < 9; day++) {
      for (const pattern of ['EEEE', 'EEE']) words.add(wordKey(format(new Date(2000, 0, day), pattern, { locale })));
    }
  }
  weekdayWords = words;
  return words;
}

/**
 * The readings of a text that names a month: for each locale whose month
 * names it uses, the text with the month written as that locale's full name
 * (so "fevrier", "mrt" and "Maerz" parse like "février", "maart" and "März")
 * and any weekday dropped ("lundi 5 mars 1990"). Empty for a text that names
 * no month, so "Anna Smith" costs a lookup rather than a parse per locale.
 */
export function monthNameReadings(text: string): { locale: Locale; text: string }[] {
  const index = monthWordIndex();
  const weekdays = weekdayWordIndex();
  const tokens = text.split(/([\p{L}.]+)/u);
  const readings: { locale: Locale; text: string }[] = [];
  for (const { locale } of tokens.flatMap((token) => index.get(wordKey(token)) ?? [])) {
    if (readings.some((reading) => reading.locale === locale)) continue;
    const rewritten = tokens.map((token) => {
      const key = wordKey(token);
      const month = index.get(key)?.find((entry) => entry.locale === locale)?.month;
      if (month !== undefined) return format(new Date(2000, month, 1), 'MMMM', { locale });
      return weekdays.has(key) ? '' : token;
    });
    readings.push({ locale, text: rewritten.join('') });
  }
  return readings;
}
