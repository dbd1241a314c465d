import type { ColumnMapping } from '../../../../shared/contract/schemas';
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
