import type { ColumnValueReading } from '../../../../shared/fields/types';
import type { ActedFinding } from '../../../../shared/validation';
import type { AheadResults } from '../ahead';
import type { CsvRecord, RecordProblem } from '../records';
import type { PhoneVerdict } from '../validation/row-validator';

/**
 * A batch of records as it crosses from the parse thread to the import's:
 * flat arrays instead of an object graph per row. Structured clone costs per
 * object, and a record with its work done ahead is a dozen of them (fields,
 * verdict, phone reading, one reading per detected column with its evidence):
 * deserialising those cost the importing thread more than a microsecond per
 * object, about a tenth of its whole time. Here a batch is one Int32Array,
 * one array of strings and a few small tables, whatever its size.
 *
 * Per record, in `ints` (RECORD_INTS each): line, endLine, number of fields,
 * problem code, and which ahead results it carries; its strings are its
 * fields, its text, then its phone reading's text, country and E.164 (when
 * validation read a phone). Detected-column readings take DETECT_INTS per slot
 * in `detect`; their evidence, which few values differ in, is a table index.
 */
export interface PackedRecords {
  count: number;
  ints: Int32Array;
  strings: string[];
  /** Slots per record in `detect` (the widest detect array of the batch). */
  width: number;
  detect: Int32Array;
  /** Distinct evidence objects of the batch's readings, by index. */
  evidence: ColumnValueReading['evidence'][];
  /** Records whose verdict has findings (rare): record index and findings. */
  findings: [number, ActedFinding[]][];
}

const RECORD_INTS = 5;
const DETECT_INTS = 3;

const PROBLEMS: readonly (RecordProblem | null)[] = [
  null,
  { kind: 'unclosed' },
  { kind: 'malformed', spanned: true },
  { kind: 'malformed', spanned: false },
  { kind: 'too_long' },
];

function problemCode(problem: RecordProblem | null): number {
  if (problem === null) return 0;
  if (problem.kind === 'unclosed') return 1;
  if (problem.kind === 'malformed') return problem.spanned ? 2 : 3;
  return 4;
}

const HAS_AHEAD = 1;
const HAS_VALIDATION = 2;
const HAS_PHONE = 4;
const PHONE_VALID = 8;
const HAS_DETECT = 16;

export function packRecords(records: readonly CsvRecord[]): PackedRecords {
  const count = records.length;
  const ints = new Int32Array(count * RECORD_INTS);
  const strings: string[] = [];
  let width = 0;
  for (const record of records) width = Math.max(width, record.ahead?.detect?.length ?? 0);
  const detect = new Int32Array(width === 0 ? 0 : count * width * DETECT_INTS);
  const evidence: ColumnValueReading['evidence'][] = [];
  const evidenceIndex = new Map<string, number>();
  const findings: [number, ActedFinding[]][] = [];
  for (let r = 0; r < count; r++) {
    const record = records[r] as CsvRecord;
    const at = r * RECORD_INTS;
    ints[at] = record.line;
    ints[at + 1] = record.endLine;
    ints[at + 2] = record.fields.length;
    ints[at + 3] = problemCode(record.problem);
    for (const field of record.fields) strings.push(field);
    strings.push(record.text);
    const ahead = record.ahead;
    if (ahead === undefined) continue;
    let flags = HAS_AHEAD;
    const verdict = ahead.validation;
    if (verdict !== undefined) {
      flags |= HAS_VALIDATION;
      if (verdict.findings.length > 0) findings.push([r, verdict.findings]);
      const phone = verdict.phone;
      if (phone !== undefined) {
        flags |= HAS_PHONE;
        strings.push(phone.text, phone.country);
        if (phone.e164 !== null) {
          flags |= PHONE_VALID;
          strings.push(phone.e164);
        }
      }
    }
    const readings = ahead.detect;
    if (readings !== undefined) {
      flags |= HAS_DETECT;
      for (let slot = 0; slot < readings.length; slot++) {
        const reading = readings[slot];
        if (reading === null || reading === undefined) continue;
        const key = `${reading.evidence.order}\u0000${reading.evidence.decimal}\u0000${reading.evidence.grouping}`;
        let index = evidenceIndex.get(key);
        if (index === undefined) {
          index = evidence.push(reading.evidence) - 1;
          evidenceIndex.set(key, index);
        }
        const d = (r * width + slot) * DETECT_INTS;
        // Index + 1, so 0 marks an empty slot; `alive` + 1, so 0 marks a reading without one.
        detect[d] = index + 1;
        detect[d + 1] = reading.bits;
        detect[d + 2] = reading.alive === undefined ? 0 : reading.alive + 1;
      }
    }
    ints[at + 4] = flags;
  }
  return { count, ints, strings, width, detect, evidence, findings };
}

export function unpackRecords({ count, ints, strings, width, detect, evidence, findings }: PackedRecords): CsvRecord[] {
  const records: CsvRecord[] = new Array<CsvRecord>(count);
  const found = new Map(findings);
  const none: ActedFinding[] = [];
  let s = 0;
  for (let r = 0; r < count; r++) {
    const at = r * RECORD_INTS;
    const fieldCount = ints[at + 2] as number;
    const fields = strings.slice(s, s + fieldCount);
    s += fieldCount;
    const record: CsvRecord = {
      line: ints[at] as number,
      endLine: ints[at + 1] as number,
      fields,
      text: strings[s++] as string,
      problem: PROBLEMS[ints[at + 3] as number] ?? null,
    };
    const flags = ints[at + 4] as number;
    if (flags & HAS_AHEAD) {
      const ahead: AheadResults = {};
      if (flags & HAS_VALIDATION) {
        ahead.validation = { findings: found.get(r) ?? none };
        if (flags & HAS_PHONE) {
          const phone: PhoneVerdict = { text: strings[s] as string, country: strings[s + 1] as string, e164: null };
          s += 2;
          if (flags & PHONE_VALID) phone.e164 = strings[s++] as string;
          ahead.validation.phone = phone;
        }
      }
      if (flags & HAS_DETECT) {
        const readings: (ColumnValueReading | null)[] = new Array<ColumnValueReading | null>(width).fill(null);
        for (let slot = 0; slot < width; slot++) {
          const d = (r * width + slot) * DETECT_INTS;
          const index = detect[d] as number;
          if (index === 0) continue;
          const alive = detect[d + 2] as number;
          readings[slot] = {
            evidence: evidence[index - 1] as ColumnValueReading['evidence'],
            bits: detect[d + 1] as number,
            ...(alive === 0 ? {} : { alive: alive - 1 }),
          };
        }
        ahead.detect = readings;
      }
      record.ahead = ahead;
    }
    records[r] = record;
  }
  return records;
}
