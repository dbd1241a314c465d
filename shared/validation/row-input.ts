import type { ParseContext } from '../fields/types';

/** One row as the rules see it: its non-empty cells by field key, and the file's mapped fields. */
export interface RowInput {
  /** Trimmed, non-empty cells by field key. */
  cells: ReadonlyMap<string, string>;
  /** Field keys the file has a column for, with the header that names each (for messages). */
  columns: ReadonlyMap<string, string>;
}

/** What rules compare against: the clock and the locale values are read in. */
export interface RuleEnv {
  now: number;
  parse: ParseContext;
}
