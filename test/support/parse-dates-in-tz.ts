/**
 * Child-process entry for the time-zone test: parses argv[2] (JSON list of
 * [type, raw]) with a day-first context and prints the values as JSON. The
 * parent sets TZ, so the machine's zone differs between runs.
 */
import { DEFAULT_CONTEXT, parseValue, type FieldType } from '../../shared/fields/types';

const cells = JSON.parse(process.argv[2] ?? '[]') as [FieldType, string][];
const ctx = { ...DEFAULT_CONTEXT, dateOrder: 'day-first' as const, referenceTime: Date.UTC(2026, 0, 1) };
process.stdout.write(
  JSON.stringify(
    cells.map(([type, raw]) => {
      const result = parseValue(type, raw, ctx);
      return result.ok ? result.value : `fail: ${result.reason}`;
    }),
  ),
);
