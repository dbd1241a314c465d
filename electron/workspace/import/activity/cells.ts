import type { ColumnMapping } from '../../../../shared/contract/schemas';
import type { ParseContext } from '../../../../shared/fields/types';
import type { CsvRecord } from '../records';

/**
 * A row's cells by field: known fields (mapping kind 'canonical') by key,
 * every other non-empty cell under its column key. Cells are trimmed; empty
 * ones are left out.
 */
export interface Cells<K extends string> {
  known: Partial<Record<K, string>>;
  extra: Record<string, string>;
}

export function cellReader<K extends string>(
  mapping: readonly ColumnMapping[],
  isKey: (key: string) => key is K,
): (record: CsvRecord) => Cells<K> {
  const columns = mapping.map((column, index) => ({ index, key: column.key, known: column.kind === 'canonical' && isKey(column.key) }));
  return (record) => {
    const cells: Cells<K> = { known: {}, extra: {} };
    for (const column of columns) {
      const value = (record.fields[column.index] ?? '').trim();
      if (value === '') continue;
      if (column.known) cells.known[column.key as K] = value;
      else cells.extra[column.key] = value;
    }
    return cells;
  };
}

/** How a date is written in this locale, for a message that says how to fix one. */
export const dayOrderExample = (ctx: ParseContext): string => (ctx.dateOrder === 'day-first' ? '01/03/2026' : '03/01/2026');

/** How an amount is written in this locale, for a message that says how to fix one. */
export const amountExample = (ctx: ParseContext): string => (ctx.decimalSeparator === ',' ? '1 234,50' : '1,234.50');
