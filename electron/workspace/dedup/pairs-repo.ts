import { ContractError } from '../../../shared/contract/envelope';
import type { DedupFieldOutcome, DedupPair, DedupSide } from '../../../shared/contract/schemas';
import { fieldLabel } from '../../../shared/dedup/explain';
import type { ScoredPair } from '../../../shared/dedup/find-duplicates';
import { pickSurvivor } from '../../../shared/dedup/survivorship';
import { toCustomer } from '../customers-repo';
import { nowIso, type Db } from '../db';

/**
 * The review queue's storage: candidate pairs (customer ids a < b) with score
 * and explanation, and the "not a duplicate" decisions that keep a pair out of
 * every later run.
 */

interface PairRow {
  id: number;
  a: string;
  b: string;
  score: number;
  weight: number;
  explanation: string;
  fields: string;
  status: 'pending' | 'skipped' | 'merged';
}

const ordered = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

export function isDecidedDistinct(db: Db, x: string, y: string): boolean {
  return db.prepare('SELECT 1 FROM dedup_decisions WHERE a = ? AND b = ?').get(...ordered(x, y)) !== undefined;
}

/** Pairs a reviewer said are different people, as a set of "a\0b" keys (a run filters its matches with it). */
export function distinctPairKeys(db: Db): Set<string> {
  const rows = db.prepare('SELECT a, b FROM dedup_decisions').all() as { a: string; b: string }[];
  return new Set(rows.map((r) => `${r.a}\0${r.b}`));
}

export const pairKey = (a: string, b: string): string => `${ordered(a, b).join('\0')}`;

function fieldOutcomes(pair: ScoredPair): DedupFieldOutcome[] {
  return pair.fields.map((f) => ({
    field: f.field,
    label: fieldLabel(f.field),
    outcome: f.outcome,
    similarity: f.similarity,
    weight: f.weight,
  }));
}

/**
 * Replace the queue with a run's pairs. A pair already in the queue keeps its
 * place and "skipped" mark; a merged pair is left alone; pairs the run no
 * longer finds leave the queue. Returns each stored pair's id by pairKey.
 */
export function storePairs(db: Db, pairs: readonly ScoredPair[]): Map<string, number> {
  const foundAt = nowIso();
  const upsert = db.prepare(
    `INSERT INTO dedup_pairs (a, b, score, weight, explanation, fields, status, found_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)
     ON CONFLICT(a, b) DO UPDATE SET score = excluded.score, weight = excluded.weight, explanation = excluded.explanation,
       fields = excluded.fields, found_at = excluded.found_at
     RETURNING id`,
  );
  const ids = new Map<string, number>();
  for (const pair of pairs) {
    const [a, b] = ordered(pair.a, pair.b);
    const id = upsert.pluck().get(a, b, pair.score, pair.weight, pair.explanation, JSON.stringify(fieldOutcomes(pair)), foundAt) as number;
    ids.set(pairKey(a, b), id);
  }
  db.prepare(`DELETE FROM dedup_pairs WHERE status IN ('pending', 'skipped') AND found_at <> ?`).run(foundAt);
  return ids;
}

const QUEUE_FROM = `FROM dedup_pairs p JOIN customers ca ON ca.id = p.a JOIN customers cb ON cb.id = p.b WHERE p.status IN ('pending', 'skipped')`;

function side(db: Db, id: string): DedupSide {
  const row = db
    .prepare(
      `SELECT c.id, c.email, c.first_name, c.last_name, c.phone, c.birth_date, c.gender, c.city, c.country, c.attributes,
              c.created_at, c.updated_at, i.file_name AS source,
              (SELECT count(*) FROM orders WHERE customer_id = c.id) AS orders,
              (SELECT count(*) FROM events WHERE customer_id = c.id) AS events
       FROM customers c LEFT JOIN imports i ON i.id = c.import_id WHERE c.id = ?`,
    )
    .get(id) as
    | (Parameters<typeof toCustomer>[0] & { created_at: string; updated_at: string; source: string | null; orders: number; events: number })
    | undefined;
  if (!row) throw new ContractError('not_found', `Customer ${id} is no longer in this workspace.`);
  const { created_at, updated_at, source, orders, events, ...customer } = row;
  return { customer: toCustomer(customer), orders, events, createdAt: created_at, updatedAt: updated_at, source };
}

function toPair(db: Db, row: PairRow): DedupPair {
  const a = side(db, row.a);
  const b = side(db, row.b);
  const survivor = pickSurvivor([
    { id: row.a, createdAt: a.createdAt },
    { id: row.b, createdAt: b.createdAt },
  ]);
  return {
    id: row.id,
    score: row.score,
    weight: row.weight,
    explanation: row.explanation,
    fields: JSON.parse(row.fields) as DedupFieldOutcome[],
    status: row.status === 'skipped' ? 'skipped' : 'pending',
    a,
    b,
    survivorId: survivor.id,
  };
}

/** Pairs whose customers both still exist: pending before skipped, best score first. */
export function listQueue(db: Db, offset: number, limit: number): { total: number; pairs: DedupPair[] } {
  const total = db.prepare(`SELECT count(*) ${QUEUE_FROM}`).pluck().get() as number;
  const rows = db
    .prepare(`SELECT p.* ${QUEUE_FROM} ORDER BY p.status = 'skipped', p.score DESC, p.id LIMIT ? OFFSET ?`)
    .all(limit, offset) as PairRow[];
  return { total, pairs: rows.map((row) => toPair(db, row)) };
}

export function getPairRow(db: Db, pairId: number): PairRow {
  const row = db.prepare('SELECT * FROM dedup_pairs WHERE id = ?').get(pairId) as PairRow | undefined;
  if (!row) throw new ContractError('not_found', `No candidate pair ${pairId}. Find duplicates again to refresh the queue.`);
  return row;
}

/** "Not a duplicate" is remembered apart from the pair, so no later run proposes it; "skip" sends it to the end of the queue. */
export function decidePair(db: Db, pairId: number, decision: 'distinct' | 'skip'): void {
  db.transaction(() => {
    const row = getPairRow(db, pairId);
    if (row.status === 'merged') throw new ContractError('conflict', `Pair ${pairId} was merged; undo the merge first.`);
    if (decision === 'skip') {
      db.prepare(`UPDATE dedup_pairs SET status = 'skipped' WHERE id = ?`).run(pairId);
      return;
    }
    db.prepare(`INSERT OR IGNORE INTO dedup_decisions (a, b, decision, decided_at) VALUES (?, ?, 'distinct', ?)`).run(
      row.a,
      row.b,
      nowIso(),
    );
    db.prepare('DELETE FROM dedup_pairs WHERE id = ?').run(pairId);
  }).immediate();
}

export function setPairStatus(db: Db, pairId: number | null, status: PairRow['status']): void {
  if (pairId !== null) db.prepare('UPDATE dedup_pairs SET status = ? WHERE id = ?').run(status, pairId);
}
