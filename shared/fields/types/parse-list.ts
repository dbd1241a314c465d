import { failed, parsed, type Parser } from './parse-context';

export const LIST_DELIMITERS = [';', '|', ','] as const;

/** The delimiter a value uses: the context's, else the first of ";", "|", "," it contains. */
export const listDelimiterOf = (text: string, preferred?: string): string | undefined =>
  preferred ?? LIST_DELIMITERS.find((delimiter) => text.includes(delimiter));

/** Delimited values, "a; b; c" or "a|b", trimmed, empty items dropped. */
export const parseList: Parser<string[]> = (raw, ctx) => {
  const text = raw.trim();
  if (text === '') return failed('empty');
  const delimiter = listDelimiterOf(text, ctx.listDelimiter);
  const items = (delimiter === undefined ? [text] : text.split(delimiter)).map((item) => item.trim()).filter(Boolean);
  return items.length === 0 ? failed('no items') : parsed(items, raw);
};
