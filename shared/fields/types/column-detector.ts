import { type ColumnDetection, type ColumnHints, DETECTION_THRESHOLD } from './column-detection';
import { LocaleEvidence, readEvidence, type ValueEvidence } from './column-evidence';
import { chooseType, detectionObjection, isDistinctive, MAX_LIST_ITEM, PREFERENCE, type Tally } from './choose-type';
import { type FieldType, type TypedValue } from './field-type';
import { excelSerial } from './excel-serial';
import { cellText } from './fold-text';
import { typesHintedBy } from './header-hints';
import { DEFAULT_CONTEXT, type DateOrder, type ParseContext, type Parser } from './parse-context';
import { PARSERS } from './parsers';

const LIST_DELIMITERS = [';', '|', ','] as const;
const MAX_FAILURES_KEPT = 5;
/** Distinct values whose readings are remembered; past it, a new value is read every time it occurs. */
const CACHE_LIMIT = 20_000;

/**
 * One way of reading the column. Dates are read in both day orders and lists
 * with every delimiter, because which one holds is only known at the end of
 * the column; every other type reads the same whatever the column decides
 * (an ambiguous "1,234" is a number either way).
 */
interface Reading {
  type: FieldType;
  context: ParseContext;
  order?: DateOrder;
  delimiter?: string;
  tally: Tally;
  dead: boolean;
}

/**
 * What one distinct value said, kept compactly: two bits per reading (read
 * it; was distinctive for it). A failure's reason is not kept: it is only
 * needed for the first few failures, and those are read again.
 */
export interface Seen {
  evidence: ValueEvidence;
  bits: number;
  /** Readings that were alive when it was read (bit i for reading i): `bits` says nothing of the others. */
  alive?: number;
}

/**
 * Detects a column's type from every value, streamed: `add` each cell, then
 * `result()`. Memory stays bounded (counters, and the readings of at most
 * 20,000 distinct values, so repeated values cost a lookup). Given the
 * number of values to come, a type is dropped exactly when it can no longer
 * reach the threshold; without it, once it has failed more than half of at
 * least 200 values.
 */
export class ColumnDetector {
  private readonly locale: ParseContext;
  private readonly hinted: FieldType[];
  private readonly readings: Reading[];
  private readonly evidence = new LocaleEvidence();
  private readonly delimiterCounts = new Map<string, number>(LIST_DELIMITERS.map((d) => [d, 0]));
  private readonly seen = new Map<string, Seen>();
  private readonly allowedFailures: number | null;
  private nonEmpty = 0;

  constructor(hints: ColumnHints = {}, expectedNonEmpty?: number) {
    this.locale = hints.locale ?? DEFAULT_CONTEXT;
    this.hinted = typesHintedBy(hints.header);
    this.allowedFailures = expectedNonEmpty === undefined ? null : Math.floor(expectedNonEmpty * (1 - DETECTION_THRESHOLD) + 1e-9);
    const tally = (): Tally => ({ ok: 0, failed: 0, distinctive: false, failures: [] });
    this.readings = PREFERENCE.flatMap((type): Reading[] => {
      if (type === 'date' || type === 'date-time') {
        return (['day-first', 'month-first'] as const).map((order) => ({
          type,
          order,
          context: { ...this.locale, dateOrder: order },
          tally: tally(),
          dead: false,
        }));
      }
      if (type === 'list') {
        return LIST_DELIMITERS.map((delimiter) => ({
          type,
          delimiter,
          context: { ...this.locale, listDelimiter: delimiter },
          tally: tally(),
          dead: false,
        }));
      }
      return [{ type, context: this.locale, tally: tally(), dead: false }];
    });
    // Two bits per reading must fit the 31 bits of a small integer.
    if (this.readings.length > 15) throw new Error("too many readings for the detector's bit set");
  }

  /**
   * `known`: what `read` of an identical detector said of this value, computed elsewhere (the import's
   * parse thread reads values ahead). It may hold bits of readings this one has dropped; those are never looked at.
   */
  add(raw: string, known?: Seen): void {
    const text = cellText(raw);
    if (text === '') return;
    this.nonEmpty++;
    for (const delimiter of LIST_DELIMITERS) {
      if (text.includes(delimiter)) this.delimiterCounts.set(delimiter, (this.delimiterCounts.get(delimiter) ?? 0) + 1);
    }
    let seen = this.seen.get(text);
    if (!seen) {
      // A reading done elsewhere counts only if it covered every reading still alive here.
      const alive = this.aliveMask();
      seen = known !== undefined && known.alive !== undefined && (known.alive & alive) === alive ? known : this.read(text);
      if (this.seen.size < CACHE_LIMIT) this.seen.set(text, seen);
    }
    this.evidence.addRead(text, seen.evidence, 1);
    const readings = this.readings;
    for (let index = 0; index < readings.length; index++) {
      const reading = readings[index] as Reading;
      if (reading.dead) continue;
      const { tally } = reading;
      if (seen.bits & (1 << (2 * index))) {
        tally.ok++;
        if (seen.bits & (2 << (2 * index))) tally.distinctive = true;
        continue;
      }
      tally.failed++;
      if (tally.failures.length < MAX_FAILURES_KEPT) tally.failures.push({ value: text, reason: this.failure(reading, text) });
      if (this.hopeless(tally)) reading.dead = true;
    }
  }

  private aliveMask(): number {
    let mask = 0;
    for (let index = 0; index < this.readings.length; index++) if (!(this.readings[index] as Reading).dead) mask |= 1 << index;
    return mask;
  }

  /** What a value says, read every way still alive (on a detector that was never fed: every way). */
  read(raw: string): Seen {
    const text = cellText(raw);
    return { evidence: readEvidence(text), bits: this.readAll(text), alive: this.aliveMask() };
  }

  /** Read a value every way still alive: bit 2i set when reading i accepts it, bit 2i+1 when it is distinctive. */
  private readAll(text: string): number {
    let bits = 0;
    // A spreadsheet serial reads the same in both day orders (the parsers take it before the order matters),
    // so a date or date-time reading of one is done once and given to the other order: amounts are plausible
    // serials, and a column of them would otherwise be read four times as dates.
    const serial = excelSerial(cellText(text).replace(/\s+/g, ' ')) !== null;
    const byType = serial ? new Map<FieldType, number>() : null;
    // Money is distinctive where a plain number does not read: the number reading, same locale, already knows.
    let numberOk: boolean | undefined;
    this.readings.forEach((reading, index) => {
      if (reading.dead) return;
      // Most values are a list of one: no need to split them to know that.
      if (reading.delimiter !== undefined && !text.includes(reading.delimiter)) {
        if (text.length <= MAX_LIST_ITEM) bits |= 3 << (2 * index);
        return;
      }
      const known = reading.order !== undefined ? byType?.get(reading.type) : undefined;
      if (known !== undefined) {
        bits |= known << (2 * index);
        return;
      }
      const own = this.readOne(reading, text, numberOk);
      if (reading.type === 'number' && reading.context === this.locale) numberOk = own.parsed;
      if (reading.order !== undefined) byType?.set(reading.type, own.bits);
      bits |= own.bits << (2 * index);
    });
    return bits;
  }

  /** One reading of one value: its two bits, and whether the parser read it at all. */
  private readOne(reading: Reading, text: string, numberOk: boolean | undefined): { bits: number; parsed: boolean } {
    const result = (PARSERS[reading.type] as Parser<TypedValue>)(text, reading.context);
    if (!result.ok) return { bits: 0, parsed: false };
    if (detectionObjection(reading.type, text, result.value) !== null) return { bits: 0, parsed: true };
    const distinctive =
      reading.type === 'money' && numberOk !== undefined && reading.context === this.locale
        ? !numberOk
        : isDistinctive(reading.type, text, reading.context);
    return { bits: distinctive ? 3 : 1, parsed: true };
  }

  private failure(reading: Reading, text: string): string {
    const result = (PARSERS[reading.type] as Parser<TypedValue>)(text, reading.context);
    return result.ok ? (detectionObjection(reading.type, text, result.value) ?? 'not readable') : result.reason;
  }

  private hopeless(tally: Tally): boolean {
    if (this.allowedFailures !== null) return tally.failed > this.allowedFailures;
    return tally.failed >= 100 && tally.failed * 2 > tally.ok + tally.failed && tally.ok + tally.failed >= 200;
  }

  result(): ColumnDetection {
    const dateOrder = this.evidence.dateOrder() ?? this.locale.dateOrder;
    const decimalSeparator = this.evidence.decimalSeparator() ?? this.locale.decimalSeparator;
    const nonEmpty = this.nonEmpty;
    const listHinted = this.hinted.includes('list');
    const [delimiter, delimited = 0] =
      [...this.delimiterCounts].filter(([d]) => d !== ',' || listHinted).sort((a, b) => b[1] - a[1])[0] ?? [];
    const list = delimiter !== undefined && delimited > 0 ? delimiter : undefined;
    const context: ParseContext = { ...this.locale, dateOrder, decimalSeparator, ...(list ? { listDelimiter: list } : {}) };
    if (nonEmpty === 0) return { type: 'text', confidence: 0, context, nonEmpty, parsed: 0, warnings: [], failures: [] };

    const listEvidence = list !== undefined && (delimited >= Math.max(1, nonEmpty * 0.3) || listHinted);
    const tallies = new Map<FieldType, Tally>();
    for (const reading of this.readings) {
      if (reading.dead || (reading.order && reading.order !== dateOrder)) continue;
      if (reading.type === 'list' && (!listEvidence || reading.delimiter !== list)) continue;
      tallies.set(reading.type, reading.tally);
    }
    // "0" and "1" alone are a flag when both occur; a column of ones is a count.
    const boolean = tallies.get('boolean');
    if (boolean && this.seen.has('0') && this.seen.has('1')) boolean.distinctive = true;

    const chosen = chooseType(tallies, nonEmpty, this.hinted);
    if (!chosen) return { type: 'text', confidence: 1, context, nonEmpty, parsed: nonEmpty, warnings: [], failures: [] };
    const warnings =
      chosen.type === 'date' || chosen.type === 'date-time'
        ? this.evidence.dateWarnings(dateOrder)
        : chosen.type === 'number' || chosen.type === 'money'
          ? this.evidence.numberWarnings(decimalSeparator)
          : [];
    return {
      type: chosen.type,
      confidence: chosen.ok / nonEmpty,
      context,
      nonEmpty,
      parsed: chosen.ok,
      warnings,
      failures: chosen.failures,
    };
  }
}
