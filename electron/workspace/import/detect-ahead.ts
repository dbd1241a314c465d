import { ColumnDetector, type ColumnValueReading, type ParseContext } from '../../../shared/fields/types';
import { stripTextMarker } from './customers/steps';

/**
 * Field typing's column detection, read ahead on the parse thread: for each
 * detected column, what the detector's `read` says of the row's value (the
 * costly part: every parser that could still take the column). The writer's
 * detectors then only count (typing-tally.ts). A value already sent is not
 * sent again, since the writer's detector remembers it or reads it itself:
 * either way the same reading. Each reader here is fed every row, so it drops
 * readings as the writer's does and does not read values in ways that no
 * longer matter.
 */
export interface DetectPlan {
  /** slot: the column's place among the typing columns; index: its cell in the record. */
  columns: { slot: number; index: number; header: string; locale: ParseContext }[];
}

/** As many as a writer's detector remembers. */
const SENT_LIMIT = 20_000;

export function detectAhead(plan: DetectPlan): (fields: readonly string[]) => (ColumnValueReading | null)[] {
  const width = Math.max(0, ...plan.columns.map((column) => column.slot + 1));
  const readers = plan.columns.map((column) => ({
    ...column,
    detector: new ColumnDetector({ header: column.header, locale: column.locale }),
    sent: new Set<string>(),
  }));
  return (fields) => {
    const readings: (ColumnValueReading | null)[] = new Array<ColumnValueReading | null>(width).fill(null);
    for (const reader of readers) {
      const value = stripTextMarker((fields[reader.index] ?? '').trim());
      if (value === '') continue;
      // Fed like the writer's, so readings it drops are not read here either (a reading that is still
      // alive there but was not read here makes the writer read the value itself: see ColumnDetector.add).
      const sent = reader.sent.has(value);
      const reading = sent ? undefined : reader.detector.read(value);
      reader.detector.add(value, reading);
      if (sent || reading === undefined) continue;
      if (reader.sent.size < SENT_LIMIT) reader.sent.add(value);
      readings[reader.slot] = reading;
    }
    return readings;
  };
}
