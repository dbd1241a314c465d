import type { TokenDictionaryEntry, TokenFormat } from '../../shared/contract/token-schemas';
import { ContractError } from '../../shared/contract/envelope';
import type { Db } from './db';

interface EntryRow {
  name: string;
  field: string;
  fallback: string | null;
  format: TokenFormat;
  format_arg: string | null;
}

export const readDictionary = (db: Db): TokenDictionaryEntry[] =>
  (db.prepare('SELECT name, field, fallback, format, format_arg FROM token_dictionary ORDER BY position').all() as EntryRow[]).map(
    (row) => ({ name: row.name, field: row.field, fallback: row.fallback, format: row.format, formatArg: row.format_arg }),
  );

/** Replace the whole dictionary in one transaction: the editor saves the list as shown, in its order. */
export function saveDictionary(db: Db, entries: readonly TokenDictionaryEntry[]): TokenDictionaryEntry[] {
  const names = new Set<string>();
  for (const entry of entries) {
    if (names.has(entry.name)) throw new ContractError('invalid_input', `The token "${entry.name}" is listed twice. Keep one of them.`);
    names.add(entry.name);
  }
  const insert = db.prepare('INSERT INTO token_dictionary (name, position, field, fallback, format, format_arg) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM token_dictionary').run();
    entries.forEach((entry, position) => insert.run(entry.name, position, entry.field, entry.fallback, entry.format, entry.formatArg));
  })();
  return readDictionary(db);
}
