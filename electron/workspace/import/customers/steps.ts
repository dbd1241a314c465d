import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { isCanonicalKey, type CanonicalKey } from '../../../../shared/fields/canonical';
import { next, reject, type ImportContext, type Step } from '../pipeline';
import { fmt } from '../text';
import { ensureScratchTables } from '../stager';
import { FileKeys } from './file-keys';
import { splitFullName } from './full-name';

/** A customer row as staged: canonical fields by key, everything else in attributes. */
export type StagedCustomer = Partial<Record<CanonicalKey, string>> & {
  derived_id?: string;
  attributes: Record<string, string>;
  /**
   * How validation read the phone column: [default country ('' for none), text, E.164 or null when
   * not valid]. Typing takes it when it reads the same text in the same country (typed-values.ts).
   */
  phone_read?: [string, string, string | null];
};

/** Stable id for a customer known only by email, so re-imports find the same row. */
export const derivedId = (email: string): string => `cus_${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16)}`;

/**
 * Spreadsheets (and some platforms) put an apostrophe in front of a value to
 * keep it text: "'0612345678", "'05/03/1990", "'+33 6 12". It is not part of
 * the value. Only in front of what a spreadsheet would read as a number, date
 * or formula, so "'t Hooft" keeps its apostrophe.
 */
export const stripTextMarker = (value: string): string =>
  // Every cell of every row comes through here: the regular expression only for the rare cell that starts with an apostrophe.
  value.charCodeAt(0) === 39 && /^'[0-9+\-=@(]/.test(value) ? value.slice(1) : value;

/** Cells to a staged customer: trimmed, text markers stripped, empty cells left out (so they never overwrite). */
export function valuesStep({ mapping }: ImportContext): Step<StagedCustomer> {
  const columns = mapping.map((column, index) => ({
    index,
    key: column.key,
    canonical: column.kind === 'canonical' && isCanonicalKey(column.key) ? column.key : null,
  }));
  return {
    name: 'values',
    run: (row) => {
      const staged: StagedCustomer = { attributes: {} };
      for (const column of columns) {
        const value = stripTextMarker((row.record.fields[column.index] ?? '').trim());
        if (value === '') continue;
        if (column.canonical) staged[column.canonical] = value;
        else staged.attributes[column.key] = value;
      }
      row.value = staged;
      return next;
    },
  };
}

/**
 * Canonical fields a row leaves empty, filled from other columns (see
 * ColumnMapping.fills): the first other phone column with a value, in rank
 * order; first and last name from a full-name column. The source columns stay
 * as attributes under their own names.
 */
export function fillsStep({ mapping }: ImportContext): Step<StagedCustomer> {
  const fallbacks = mapping
    .flatMap((column) =>
      column.fills?.kind === 'fallback' && isCanonicalKey(column.fills.field)
        ? [{ key: column.key, field: column.fills.field, rank: column.fills.rank }]
        : [],
    )
    .sort((a, b) => a.rank - b.rank);
  const fullName = mapping.find((column) => column.fills?.kind === 'split_name')?.key;
  return {
    name: 'fills',
    run: ({ value: staged }) => {
      if (staged === null) return next;
      for (const { key, field } of fallbacks) staged[field] ??= staged.attributes[key];
      const full = fullName === undefined ? undefined : staged.attributes[fullName];
      if (full !== undefined && (staged.first_name === undefined || staged.last_name === undefined)) {
        const split = splitFullName(full);
        staged.first_name ??= split.first_name;
        staged.last_name ??= split.last_name;
      }
      return next;
    },
  };
}

/** At least an id or an email to know the customer by (email syntax is a validation rule: validation/). */
export function identityStep(): Step<StagedCustomer> {
  return {
    name: 'identity',
    run: ({ value }) => {
      const { id, email } = value ?? { attributes: {} };
      if (id === undefined && email === undefined)
        return reject('no id and no email; fill in at least one so the customer can be identified');
      return next;
    },
  };
}

/** Per-connection scratch space for duplicate detection: bounded memory, gone after a crash. */
export function ensureKeyTable({ db }: ImportContext): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_keys (
    import_id INTEGER NOT NULL, key TEXT NOT NULL, line INTEGER NOT NULL,
    PRIMARY KEY (import_id, key)
  ) WITHOUT ROWID`);
}

/**
 * The same id or email twice in one file: the later row is rejected, naming
 * the earlier one. The keys claimed so far are held in memory (file-keys.ts),
 * confirmed against the staged row on a hash match; past the table's bound
 * they go to a temp table. A rejected row claims nothing, so its other key
 * stays free.
 */
export function duplicatesStep(context: ImportContext, maxSlots?: number): Step<StagedCustomer> {
  ensureKeyTable(context);
  ensureScratchTables(context.db);
  const { db, importId } = context;
  const claimOne: Statement = db.prepare('INSERT INTO temp.import_keys (import_id, key, line) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const findKey: Statement = db.prepare('SELECT line FROM temp.import_keys WHERE import_id = ? AND key = ?').pluck();
  const stagedKeys: Statement = db.prepare(
    `SELECT record ->> '$.id' AS id, record ->> '$.email' AS email FROM temp.import_staging WHERE import_id = ? AND line = ?`,
  );
  const keyed = (staged: { id?: string | null; email?: string | null }): string[] => [
    ...(staged.id == null ? [] : [`id:${staged.id}`]),
    ...(staged.email == null ? [] : [`email:${staged.email.toLowerCase()}`]),
  ];
  // Every claimant is staged (this step is the last that can reject), so its own keys are there to confirm a hash match.
  const memory = new FileKeys((line, key) => {
    const staged = stagedKeys.get(importId, line) as { id: string | null; email: string | null } | undefined;
    return staged !== undefined && keyed(staged).includes(key);
  }, maxSlots);
  let overflow = false;
  const ownerOf = (key: string): number | null =>
    memory.owner(key) ?? (overflow ? ((findKey.get(importId, key) as number | undefined) ?? null) : null);
  const claim = (key: string, line: number): void => {
    if (!overflow && memory.claim(key, line)) return;
    overflow = true;
    claimOne.run(importId, key, line);
  };

  return {
    name: 'duplicates',
    run: (row) => {
      const staged = row.value;
      if (staged === null) return next;
      const { id, email } = staged;
      const keys: { kind: 'id' | 'email'; key: string }[] = [];
      if (id !== undefined) keys.push({ kind: 'id', key: `id:${id}` });
      if (email !== undefined) keys.push({ kind: 'email', key: `email:${email.toLowerCase()}` });
      for (const { kind, key } of keys) {
        const owner = ownerOf(key);
        if (owner === null) continue;
        const value = kind === 'id' ? id : email;
        return reject(`duplicate ${kind} "${value}": same ${kind} as line ${fmt(owner)}; keep one of the two rows`);
      }
      for (const { key } of keys) claim(key, row.record.line);
      if (id === undefined && email !== undefined) staged.derived_id = derivedId(email);
      return next;
    },
  };
}
