import { CANONICAL_KEYS, type CanonicalKey } from '../../../../shared/fields/canonical';
import { nowIso, type Db } from '../../db';
import { survivorOfSql } from '../../dedup/survivor-sql';
import { fieldStatsSql, fieldStatsStale, markFieldStatsFresh } from '../../field-stats';
import { isMojibakeOf } from '../mojibake';
import type { CommitResult, Counters, ImportContext } from '../pipeline';
import { decideImportedTypes } from './field-types';
import { storeImportedTypedValues, typedFieldsSignature, typedRowCall } from '../../typed-values';
import { readPolicy } from '../policy';
import { recordCatalogue, recordStamp } from '../undo/record';
import { snapshotRows } from '../undo/pre-images';
import { policySetSql } from './policy-sql';
import type { StagedCustomer } from './steps';
import type { FieldStatsTally } from './stats-tally';
import type { TypingTally } from './typing-tally';

/**
 * The customers import's final transaction: resolve which customer each
 * staged row is, keep existing values a staged one would only damage
 * (mojibake), record what undo needs (undo/record.ts), upsert under the
 * import's re-import policy (policy-sql.ts), register custom fields, bring
 * the cached field statistics up to date with a delta over the customers it
 * touched, and type the fields the file filled (field-types.ts).
 */

/** Which customer each staged row lands on: its id, else the customer with its email, else its derived id. */
const RESOLVE_TARGETS = `
  INSERT INTO temp.import_targets (line, id)
  SELECT line, coalesce(
    r ->> '$.id',
    (SELECT c.id FROM customers c WHERE c.email = (r ->> '$.email') COLLATE NOCASE ORDER BY c.created_at, c.id LIMIT 1),
    r ->> '$.derived_id')
  FROM (SELECT line, record AS r FROM import_staging WHERE import_id = ?)`;

/** A target merged away by de-duplication is its survivor now (only rows naming a merged id are probed). */
const TARGETS_TO_SURVIVORS = `
  UPDATE temp.import_targets SET id = ${survivorOfSql('import_targets.id')}
  WHERE id IN (SELECT merged_id FROM dedup_merges WHERE undone_at IS NULL)`;

/**
 * The upsert, its SET clause built from the import's re-import policy (policy-sql.ts). A new customer's
 * typed values are computed from the staged row as it is inserted (`typed`), so it is written once; a
 * customer that existed, or that several staged rows land on, gets NULL here and is typed after the merge.
 * With `staged`, a row whose typed values were computed while streaming under this very catalogue
 * (typing-tally.ts) takes those instead, so the final transaction does not compute them again.
 */
const upsertStaged = (set: string, typed: string, staged: boolean): string => `
  INSERT INTO customers (id, email, first_name, last_name, phone, birth_date, gender, city, country,
                         attributes, import_id, created_at, updated_at, typed)
  SELECT t.id,
    r ->> '$.email', r ->> '$.first_name', r ->> '$.last_name', r ->> '$.phone',
    r ->> '$.birth_date', r ->> '$.gender', r ->> '$.city', r ->> '$.country',
    r -> '$.attributes', @importId, @now, @now,
    CASE WHEN t.id IN (SELECT id FROM temp.import_merged) THEN NULL
      ${staged ? `WHEN s.typed IS NOT NULL THEN nullif(s.typed, '')` : ''} ELSE ${typed} END
  FROM (SELECT line, record AS r${staged ? ', typed' : ''} FROM import_staging WHERE import_id = @importId ORDER BY line) s
  JOIN temp.import_targets t ON t.line = s.line
  WHERE true
  ON CONFLICT (id) DO UPDATE SET
    ${set}${set === '' ? '' : ','}
    import_id  = excluded.import_id,
    updated_at = excluded.updated_at
`;

const TOUCHED = '(SELECT * FROM customers WHERE id IN (SELECT id FROM temp.import_targets))';

/**
 * Merge before/after statistics of the touched customers into the cache.
 * Fill counts are exact. The sample stays the minimum while its holder is
 * untouched or a touched value is as small; otherwise it becomes the smallest
 * touched value, which surely exists. A full pass here would hold the write
 * lock for seconds on a large workspace, for the sake of a sample.
 */
const MERGED_STATS = `
  WITH keys AS (SELECT kind, key FROM temp.stats_before UNION SELECT kind, key FROM temp.stats_after),
  merged AS (
    SELECT k.kind, k.key,
      coalesce(o.filled, 0) - coalesce(b.filled, 0) + coalesce(a.filled, 0) AS filled,
      o.sample AS old, b.sample AS gone, a.sample AS new
    FROM keys k
    LEFT JOIN field_stats o ON o.kind = k.kind AND o.key = k.key
    LEFT JOIN temp.stats_before b ON b.kind = k.kind AND b.key = k.key
    LEFT JOIN temp.stats_after a ON a.kind = k.kind AND a.key = k.key)
  SELECT kind, key, filled,
    CASE
      WHEN filled = 0 THEN NULL
      WHEN old IS NULL THEN new
      WHEN gone IS NULL OR gone > old THEN CASE WHEN new IS NOT NULL AND new < old THEN new ELSE old END
      ELSE coalesce(new, old)
    END AS sample
  FROM merged`;

function prepareScratch(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS import_targets (line INTEGER PRIMARY KEY, id TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS temp.import_targets_id ON import_targets (id);
    CREATE TEMP TABLE IF NOT EXISTS import_merged (id TEXT PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS stats_before (kind TEXT NOT NULL, key TEXT NOT NULL, filled INTEGER NOT NULL, sample, PRIMARY KEY (kind, key));
    CREATE TEMP TABLE IF NOT EXISTS stats_after (kind TEXT NOT NULL, key TEXT NOT NULL, filled INTEGER NOT NULL, sample, PRIMARY KEY (kind, key));
    DELETE FROM temp.import_targets; DELETE FROM temp.import_merged; DELETE FROM temp.stats_before; DELETE FROM temp.stats_after;`);
}

interface ExistingRow extends Partial<Record<CanonicalKey, string | null>> {
  rid: number;
  line: number;
  record: string;
  attributes: string;
}

/**
 * Drop staged values that look like mojibake of the value they would replace,
 * and record a warning for each row where that happened. Only rows with
 * non-ASCII text can be affected, which SQLite filters cheaply.
 */
function keepGoodValues(db: Db, importId: number): number {
  const rows = db
    .prepare(
      `SELECT s.rowid AS rid, s.line, s.record, ${CANONICAL_KEYS.map((key) => `c.${key}`).join(', ')}, c.attributes
       FROM import_staging s JOIN temp.import_targets t ON t.line = s.line JOIN customers c ON c.id = t.id
       WHERE s.import_id = ? AND octet_length(s.record) > length(s.record)`,
    )
    .all(importId) as ExistingRow[];
  const rewrite = db.prepare('UPDATE import_staging SET record = ? WHERE rowid = ?');
  const warn = db.prepare('INSERT INTO import_warnings (import_id, line, message) VALUES (?, ?, ?)');
  let warned = 0;
  for (const row of rows) {
    const staged = JSON.parse(row.record) as StagedCustomer;
    const existingAttributes = JSON.parse(row.attributes) as Record<string, unknown>;
    const kept: string[] = [];
    const check = (field: string, next: string | undefined, existing: unknown): boolean => {
      if (next === undefined || typeof existing !== 'string' || !isMojibakeOf(next, existing)) return false;
      kept.push(`${field}: kept "${existing}" instead of "${next}"`);
      return true;
    };
    for (const key of CANONICAL_KEYS) if (check(key, staged[key], row[key])) delete staged[key];
    for (const [key, value] of Object.entries(staged.attributes))
      if (check(key, value, existingAttributes[key])) delete staged.attributes[key];
    if (kept.length === 0) continue;
    warned++;
    rewrite.run(JSON.stringify(staged), row.rid);
    warn.run(
      importId,
      row.line,
      `${kept.join('; ')}: the new value looks like the existing one read in the wrong encoding; fix the file's encoding if you meant to change it`,
    );
  }
  return warned;
}

export function commitCustomers(
  { db, importId, mapping, name }: ImportContext,
  counters: Counters,
  tallies?: { typing: TypingTally; stats: FieldStatsTally },
): CommitResult {
  const now = nowIso();
  prepareScratch(db);
  db.prepare(RESOLVE_TARGETS).run(importId);
  db.prepare(TARGETS_TO_SURVIVORS).run();
  const warned = keepGoodValues(db, importId);

  // Counted over the import's own rows: a count(*) of customers costs a scan of a large workspace.
  const { targets, created } = db
    .prepare(
      `SELECT count(*) AS targets, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = t.id)) AS created
       FROM (SELECT DISTINCT id FROM temp.import_targets) t`,
    )
    .get() as { targets: number; created: number };
  const statsFresh = !fieldStatsStale(db);
  // Only customers that exist already have statistics to take away, and earlier values for undo to restore.
  if (statsFresh && targets > created) db.exec(`INSERT INTO temp.stats_before (kind, key, filled, sample) ${fieldStatsSql(TOUCHED)}`);
  if (targets > created) snapshotRows(db, importId, 'customers', 't.id IN (SELECT id FROM temp.import_targets)');
  recordCatalogue(db, importId);
  recordStamp(db, importId, now, targets);

  const addField = db.prepare('INSERT INTO customer_fields (key, label, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING');
  for (const column of mapping) if (column.kind === 'custom') addField.run(column.key, column.header || column.key, now);
  // What the columns said was tallied while staging, unless a staged value was just dropped (mojibake) or the catalogue changed.
  const typing = decideImportedTypes(db, importId, mapping, name, warned === 0 ? (tallies?.typing.finish() ?? null) : null);

  // Customers whose row the upsert merges into an existing one: typed after it, from the merged text.
  if (targets > created || targets < counters.rowsStaged) {
    db.exec(`INSERT INTO temp.import_merged (id) SELECT id FROM temp.import_targets t
             GROUP BY id HAVING count(*) > 1 OR EXISTS (SELECT 1 FROM customers c WHERE c.id = t.id)`);
  }
  const typed = typedRowCall(db, typing.after, {
    canonical: (key) => `r ->> '$.${key}'`,
    json: 'r',
    path: (key) => `$.attributes."${key}"`,
    phoneRead: `r -> '$.phone_read'`,
  });
  const set = policySetSql(readPolicy(db, importId));
  // Typed values computed while streaming hold when the catalogue they were computed under is this one.
  const staged = tallies?.typing.predicted != null && tallies.typing.predicted === typedFieldsSignature(typing.after);
  db.prepare(upsertStaged(set.sql, typed.sql, staged)).run({ importId, now, ...set.params, ...typed.params });
  storeImportedTypedValues(db, typing.before, typing.after, 'id IN (SELECT id FROM temp.import_merged)', importId);

  if (statsFresh) {
    // Every staged row made a customer of its own: they hold exactly the staged values, tallied as they were staged.
    if (tallies !== undefined && targets === created && created === counters.rowsStaged) {
      const insert = db.prepare('INSERT INTO temp.stats_after (kind, key, filled, sample) VALUES (?, ?, ?, ?)');
      for (const row of tallies.stats.rows()) insert.run(...row);
    } else db.exec(`INSERT INTO temp.stats_after (kind, key, filled, sample) ${fieldStatsSql(TOUCHED)}`);
    db.exec(
      `INSERT INTO field_stats (kind, key, filled, sample) SELECT kind, key, filled, sample FROM (${MERGED_STATS}) WHERE true
       ON CONFLICT (kind, key) DO UPDATE SET filled = excluded.filled, sample = excluded.sample`,
    );
    markFieldStatsFresh(db);
  }
  db.exec('DELETE FROM temp.import_targets; DELETE FROM temp.import_merged; DELETE FROM temp.stats_before; DELETE FROM temp.stats_after;');
  return { created, updated: counters.rowsStaged - created, warned };
}
