import { type ColumnDetection, type ColumnHints } from './column-detection';
import { ColumnDetector } from './column-detector';

/**
 * Detect a column's type from ALL its values (not a sample): the type that
 * reads at least 90% of the non-empty values, preferring one whose values
 * could be nothing else; a header hint only settles a tie. For dates the day
 * order, for numbers the decimal mark, are decided from the column too. For a
 * column streamed from a file, feed a `ColumnDetector` instead.
 */
export function detectColumn(values: readonly string[], hints: ColumnHints = {}): ColumnDetection {
  const nonEmpty = values.reduce((n, value) => (value.trim() === '' ? n : n + 1), 0);
  const detector = new ColumnDetector(hints, nonEmpty);
  for (const value of values) detector.add(value);
  return detector.result();
}
