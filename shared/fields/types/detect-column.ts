import { isBinaryDigit } from './parse-boolean';
import { LocaleEvidence } from './column-evidence';
import { excelSerial } from './excel-serial';
import { type FieldType, type TypedValue } from './field-type';
import { cellText } from './fold-text';
import { typesHintedBy } from './header-hints';
import { DEFAULT_CONTEXT, type ParseContext, type Parser } from './parse-context';
import { hasTimeOfDay } from './parse-date-time';
import { PARSERS } from './parsers';

/** The share of a column's non-empty values a type must read for the column to take it. */
export const DETECTION_THRESHOLD = 0.9;

export interface ColumnHints {
  /** The column's header, whose words may break a tie between types. */
  header?: string;
  /** The file's locale (see detectLocale); the column may refine its date order and decimal mark. */
  locale?: ParseContext;
}

export interface ColumnDetection {
  type: FieldType;
  /** Share of the non-empty values that parse as `type` (0 for an empty column). */
  confidence: number;
  /** How to parse this column: the file's locale with the column's own date order, decimal mark and list delimiter. */
  context: ParseContext;
  nonEmpty: number;
  parsed: number;
  /** Ambiguities the data left open and how they were settled. */
  warnings: string[];
  /** The first values that did not parse as `type`, with the reason. */
  failures: { value: string; reason: string }[];
}

/** Candidates in order of preference when they read equally many values. */
const PREFERENCE: readonly FieldType[] = ['boolean', 'email', 'date-time', 'date', 'phone', 'country', 'number', 'money', 'list'];
const MAX_FAILURES_KEPT = 5;
const CODE_LIKE: ReadonlySet<FieldType> = new Set(['number', 'money', 'boolean', 'country']);
const MAX_LIST_ITEM = 60;

interface Tally {
  ok: number;
  failed: number;
  /** The type read a value that no more general type explains (see `isDistinctive`). */
  distinctive: boolean;
  failures: { value: string; reason: string }[];
}

/** The list delimiter a column uses: ";" or "|", whichever more values contain; "," only under a list-like header. */
function columnListDelimiter(values: readonly string[], hinted: boolean): { delimiter: string; count: number } | null {
  const counts = [';', '|', ...(hinted ? [','] : [])].map((delimiter) => ({
    delimiter,
    count: values.reduce((n, value) => (value.includes(delimiter) ? n + 1 : n), 0),
  }));
  const best = counts.sort((a, b) => b.count - a.count)[0];
  return best && best.count > 0 ? best : null;
}

/**
 * Whether a value read as `type` is evidence for it rather than a value a
 * plainer type reads the same way: "0"/"1" are numbers too, a serial number
 * is a number, digits alone are a number, a date alone is a midnight.
 */
function isDistinctive(type: FieldType, text: string, value: TypedValue, ctx: ParseContext): boolean {
  switch (type) {
    case 'boolean':
      return !isBinaryDigit(text);
    case 'date':
      return excelSerial(text) === null;
    case 'date-time':
      return hasTimeOfDay(text);
    case 'phone':
      return !/^[0-9]+$/.test(text);
    case 'money':
      return !PARSERS.number(text, ctx).ok;
    default:
      return value !== null;
  }
}

/** Why a value that parses still does not count for a type during detection (null: it counts). */
function detectionObjection(type: FieldType, text: string, value: TypedValue): string | null {
  if (type === 'number' && /^[-+]?0[0-9]/.test(text)) return 'a leading zero: an identifier or code, not a quantity';
  if (type === 'list' && (value as string[]).some((item) => item.length > MAX_LIST_ITEM)) return 'an item too long for a list';
  return null;
}

/**
 * Parse each distinct value once as every candidate type, counting it as often
 * as it occurs; a type is dropped once it fails more values than the
 * threshold allows, so a text column stops costing parses early.
 */
function tallyTypes(
  occurrences: ReadonlyMap<string, number>,
  types: readonly FieldType[],
  context: ParseContext,
  allowedFailures: number,
): Map<FieldType, Tally> {
  const tallies = new Map<FieldType, Tally>(types.map((type) => [type, { ok: 0, failed: 0, distinctive: false, failures: [] }]));
  for (const [text, count] of occurrences) {
    for (const [type, tally] of tallies) {
      const result = (PARSERS[type] as Parser<TypedValue>)(text, context);
      const reason = result.ok ? detectionObjection(type, text, result.value) : result.reason;
      if (result.ok && reason === null) {
        tally.ok += count;
        if (!tally.distinctive && isDistinctive(type, text, result.value, context)) tally.distinctive = true;
        continue;
      }
      tally.failed += count;
      if (tally.failures.length < MAX_FAILURES_KEPT) tally.failures.push({ value: text, reason: reason ?? 'not readable' });
      if (tally.failed > allowedFailures) tallies.delete(type);
    }
  }
  // "0" and "1" alone are a flag when both occur; a column of ones is a count.
  const boolean = tallies.get('boolean');
  if (boolean && occurrences.has('0') && occurrences.has('1')) boolean.distinctive = true;
  // A list is evidenced by its delimiters (checked before), not by every value reading as a list of one.
  const list = tallies.get('list');
  if (list) list.distinctive = true;
  return tallies;
}

/**
 * The type that reads the most values among those with distinctive values;
 * a hinted type that reads at least as many wins the tie. Null means text.
 */
function chooseType(tallies: ReadonlyMap<FieldType, Tally>, hinted: readonly FieldType[]): (Tally & { type: FieldType }) | null {
  const candidates = [...tallies].map(([type, tally]) => ({ type, ...tally }));
  const best = candidates
    .filter((c) => c.distinctive)
    .sort((a, b) => b.ok - a.ok || PREFERENCE.indexOf(a.type) - PREFERENCE.indexOf(b.type))[0];
  const hintedBest = candidates
    .filter((c) => hinted.includes(c.type) && c.ok >= (best?.ok ?? 0))
    .sort((a, b) => b.ok - a.ok || hinted.indexOf(a.type) - hinted.indexOf(b.type))[0];
  if (hintedBest) return hintedBest;
  // Digits and two-letter codes read as numbers, flags or countries just as well as text: under
  // an "id", "postcode" or "language" header they are codes, and stay text.
  if (best && hinted.includes('text') && CODE_LIKE.has(best.type)) return null;
  return best ?? null;
}

/**
 * Detect a column's type from ALL its values (not a sample): the type that
 * reads at least 90% of the non-empty values, preferring one whose values
 * could be nothing else; a header hint only settles a tie. For dates the day
 * order, for numbers the decimal mark, are decided from the column too.
 */
export function detectColumn(values: readonly string[], hints: ColumnHints = {}): ColumnDetection {
  const texts = values.map(cellText).filter((text) => text !== '');
  const locale = hints.locale ?? DEFAULT_CONTEXT;
  const hinted = typesHintedBy(hints.header);

  // Each distinct value is parsed once and counted as often as it occurs: a
  // million-row column of birthdays has at most a few tens of thousands.
  const occurrences = new Map<string, number>();
  for (const text of texts) occurrences.set(text, (occurrences.get(text) ?? 0) + 1);
  const evidence = new LocaleEvidence();
  for (const [text, count] of occurrences) evidence.add(text, count);
  const dateOrder = evidence.dateOrder() ?? locale.dateOrder;
  const decimalSeparator = evidence.decimalSeparator() ?? locale.decimalSeparator;
  const list = columnListDelimiter(texts, hinted.includes('list'));
  const context: ParseContext = { ...locale, dateOrder, decimalSeparator, ...(list ? { listDelimiter: list.delimiter } : {}) };
  const nonEmpty = texts.length;
  if (nonEmpty === 0) return { type: 'text', confidence: 0, context, nonEmpty, parsed: 0, warnings: [], failures: [] };

  const listEvidence = list !== null && (list.count >= Math.max(1, nonEmpty * 0.3) || hinted.includes('list'));
  const types = PREFERENCE.filter((type) => type !== 'list' || listEvidence);
  const allowedFailures = Math.floor(nonEmpty * (1 - DETECTION_THRESHOLD) + 1e-9);
  const chosen = chooseType(tallyTypes(occurrences, types, context, allowedFailures), hinted);
  if (!chosen) return { type: 'text', confidence: 1, context, nonEmpty, parsed: nonEmpty, warnings: [], failures: [] };

  const warnings =
    chosen.type === 'date' || chosen.type === 'date-time'
      ? evidence.dateWarnings(dateOrder)
      : chosen.type === 'number' || chosen.type === 'money'
        ? evidence.numberWarnings(decimalSeparator)
        : [];
  return { type: chosen.type, confidence: chosen.ok / nonEmpty, context, nonEmpty, parsed: chosen.ok, warnings, failures: chosen.failures };
}
