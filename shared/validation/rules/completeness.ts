import type { Finding } from '../finding';
import type { RowInput } from '../row-input';

/** Required fields the row leaves empty, where the file has their column. */
export function checkRequired(row: RowInput, required: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const key of required) {
    const header = row.columns.get(key);
    if (header !== undefined && !row.cells.has(key)) {
      findings.push({ rule: 'required_fields', message: `required field "${header || key}" is empty` });
    }
  }
  return findings;
}

/** Fewer than `minFilled` of the mapped fields filled (a file that maps fewer fields needs them all). */
export function checkCompleteness(row: RowInput, minFilled: number): Finding | null {
  const needed = Math.min(minFilled, row.columns.size);
  let filled = 0;
  for (const key of row.columns.keys()) if (row.cells.has(key)) filled++;
  if (filled >= needed) return null;
  return {
    rule: 'completeness',
    message: `only ${filled} of the ${row.columns.size} columns are filled; at least ${needed} are needed`,
  };
}
