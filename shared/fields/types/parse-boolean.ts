import { cellText, foldText } from './fold-text';
import { failed, parsed, type Parser } from './parse-context';

/**
 * Yes/no words in English, French, German, Spanish, Italian, Portuguese and
 * Dutch, in folded form (lowercase, no accents), so "Sí", "NÃO" and "Nein" match.
 */
const WORDS: ReadonlyMap<string, boolean> = new Map([
  ...['true', 't', 'yes', 'y', '1', 'on'].map((word) => [word, true] as const),
  ...['false', 'f', 'no', 'n', '0', 'off'].map((word) => [word, false] as const),
  // French
  ...['vrai', 'oui'].map((word) => [word, true] as const),
  ...['faux', 'non'].map((word) => [word, false] as const),
  // German
  ...['ja', 'j', 'wahr'].map((word) => [word, true] as const),
  ...['nein', 'falsch'].map((word) => [word, false] as const),
  // Spanish and Italian ("si", "sì"), Portuguese ("sim")
  ...['si', 'verdadero', 'vero', 'sim', 'verdadeiro'].map((word) => [word, true] as const),
  ...['falso', 'nao'].map((word) => [word, false] as const),
  // Dutch
  ...['waar'].map((word) => [word, true] as const),
  ...['nee', 'onwaar'].map((word) => [word, false] as const),
]);

export const parseBoolean: Parser<boolean> = (raw) => {
  const text = cellText(raw);
  if (text === '') return failed('empty');
  const value = WORDS.get(foldText(text));
  return value === undefined ? failed(`"${text}" is not yes/no, true/false, 1/0 or on/off`) : parsed(value, raw);
};

/** Whether a value is one of the digits 0 and 1, which read as numbers just as well. */
export const isBinaryDigit = (raw: string): boolean => /^[01]$/.test(cellText(raw));
