import { LocaleEvidence } from './column-evidence';
import { alpha2FromCode, countryNameIndex, foldCountryName } from './country-names';
import { cellText } from './fold-text';
import { DEFAULT_CONTEXT, type ParseContext } from './parse-context';

export interface LocaleDetection {
  context: ParseContext;
  warnings: string[];
}

const GROUPING_NAMES: Readonly<Record<string, ParseContext['thousandsSeparator']>> = {
  ',': ',',
  '.': '.',
  "'": "'",
  '\u2019': "'",
  ' ': ' ',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};

/** The country most rows name (by name, not a two-letter code that may be a word), when one clearly leads. */
function leadingCountry(cells: readonly string[]): string | undefined {
  const names = countryNameIndex();
  const counts = new Map<string, number>();
  let total = 0;
  for (const cell of cells) {
    if (cell.length < 4 || alpha2FromCode(cell)) continue;
    const code = names.get(foldCountryName(cell));
    if (!code) continue;
    counts.set(code, (counts.get(code) ?? 0) + 1);
    total++;
  }
  const [code, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return code && count !== undefined && count * 2 >= total ? code : undefined;
}

/**
 * The locale of a file from its rows: the decimal mark most unambiguous
 * numbers use, the day order the unambiguous dates use, the grouping mark,
 * and the country most rows name (for phones without a country code). What
 * the data does not say comes from `fallback` (the machine's locale, say);
 * a file with decimal commas and no decisive date is read day-first, as
 * every decimal-comma locale writes dates.
 */
export function detectLocale(sampleRows: readonly (readonly string[])[], fallback: Partial<ParseContext> = {}): LocaleDetection {
  const evidence = new LocaleEvidence();
  const cells: string[] = [];
  for (const row of sampleRows) {
    for (const raw of row) {
      const cell = cellText(raw);
      if (cell === '') continue;
      cells.push(cell);
      evidence.add(cell);
    }
  }
  const decimalSeparator = evidence.decimalSeparator() ?? fallback.decimalSeparator ?? DEFAULT_CONTEXT.decimalSeparator;
  const dateOrder = evidence.dateOrder() ?? fallback.dateOrder ?? (decimalSeparator === ',' ? 'day-first' : DEFAULT_CONTEXT.dateOrder);
  const grouping = [...evidence.groupings].sort((a, b) => b[1] - a[1])[0]?.[0];
  const thousandsSeparator =
    (grouping && GROUPING_NAMES[grouping]) ?? fallback.thousandsSeparator ?? (decimalSeparator === ',' ? '.' : ',');
  const defaultCountry = leadingCountry(cells) ?? fallback.defaultCountry;
  const context: ParseContext = {
    ...fallback,
    decimalSeparator,
    thousandsSeparator,
    dateOrder,
    ...(defaultCountry ? { defaultCountry } : {}),
  };
  return { context, warnings: [...evidence.dateWarnings(dateOrder), ...evidence.numberWarnings(decimalSeparator)] };
}
