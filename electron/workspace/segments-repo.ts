import { describeIssues } from '../../shared/contract/dispatch';
import { ContractError } from '../../shared/contract/envelope';
import type { Customer, Segment, SegmentKind } from '../../shared/contract/schemas';
import { compileTree, RuleError, type CompiledTree, type CompileContext, type ResolvedSegment } from '../../shared/segments/compile-tree';
import { SegmentRule as FlatRule } from '../../shared/segments/rule';
import { renameScoreLabel } from '../../shared/segments/rename-score-label';
import { emptyTree, referencedSegments, RuleTree, StoredRule, treeFromFlat } from '../../shared/segments/rule-tree';
import type { ScoreName } from '../../shared/scores/score-names';
import { customFieldKeys, fieldCatalogue, findCustomer, listCustomers, type CustomerFilter } from './customers-repo';
import { nowIso, type Db } from './db';
import { defaultAsOf } from './default-as-of';

interface SegmentRow {
  id: number;
  name: string;
  rule: string;
  kind: string;
  as_of: string | null;
  refreshed_at: string | null;
  previous_count: number | null;
  last_count: number | null;
  updated_at: string;
}

const COLUMNS = 'id, name, rule, kind, as_of, refreshed_at, previous_count, last_count, updated_at';

const kindOf = (row: Pick<SegmentRow, 'kind'>): SegmentKind => (row.kind === 'static' ? 'static' : 'dynamic');

/** Where the compiler finds the workspace's field types, custom keys and other segments. */
export function compileContext(db: Db, asOf: string, self?: { id: number; name: string }): CompileContext {
  const resolved = new Map<number, ResolvedSegment>();
  return {
    catalogue: fieldCatalogue(db),
    knownCustom: customFieldKeys(db),
    asOf,
    self,
    resolveSegment(id) {
      const known = resolved.get(id);
      if (known) return known;
      const row = db.prepare(`SELECT ${COLUMNS} FROM segments WHERE id = ?`).get(id) as SegmentRow | undefined;
      if (!row) throw new RuleError(`A condition refers to segment ${id}, which no longer exists. Remove that condition.`);
      let tree: RuleTree;
      try {
        tree = storedRule(row);
      } catch (error) {
        if (error instanceof ContractError) throw new RuleError(error.message);
        throw error;
      }
      const segment: ResolvedSegment = { name: row.name, tree, kind: kindOf(row), asOf: row.as_of };
      resolved.set(id, segment);
      return segment;
    },
  };
}

const asTree = (rule: FlatRule | RuleTree): RuleTree => ('match' in rule ? treeFromFlat(rule) : rule);

/**
 * A rule (tree, or the flat rule of earlier versions) as a customers filter
 * at an as-of date (the workspace's default, `defaultAsOf`, when omitted). The one entry point from rules to
 * SQL: lists, counts, previews and tokens all come through here. A rule the
 * user has to fix (unknown field, "greater than abc", a cycle) is an
 * invalid_input error with the compiler's message, never a crash.
 */
export function ruleFilter(db: Db, rule: FlatRule | RuleTree, asOf?: string | null, self?: { id: number; name: string }): CompiledTree {
  try {
    return compileTree(asTree(rule), compileContext(db, asOf ?? defaultAsOf(db), self));
  } catch (error) {
    if (error instanceof RuleError) throw new ContractError('invalid_input', error.message);
    throw error;
  }
}

const countWhere = (db: Db, { where, params }: CustomerFilter): number =>
  db
    .prepare(`SELECT count(*) FROM customers WHERE ${where}`)
    .pluck()
    .get(...params) as number;

export function countMatching(db: Db, rule: FlatRule | RuleTree, asOf?: string | null): number {
  return countWhere(db, ruleFilter(db, rule, asOf));
}

/** A static segment's members: the snapshot its last save or refresh took (customers deleted since are gone). */
const snapshotFilter = (id: number): CustomerFilter => ({
  where: 'customers.id IN (SELECT customer_id FROM segment_snapshots WHERE segment_id = ?)',
  params: [id],
});

/**
 * A stored rule this version can read. One saved by a newer Tailor (say with
 * `match: "any"`) or edited by hand is the user's to deal with, so it becomes
 * a message naming the segment, never a schema dump.
 */
export function storedRule(row: { id: number; name: string; rule: string }): RuleTree {
  let raw: unknown;
  try {
    raw = JSON.parse(row.rule);
  } catch {
    raw = undefined;
  }
  const parsed = StoredRule.safeParse(raw);
  if (parsed.success) return parsed.data;
  // A union's issues say only "Invalid input": describe them against the shape the rule claims to have.
  const claimed = typeof raw === 'object' && raw !== null && 'match' in raw ? FlatRule.safeParse(raw) : RuleTree.safeParse(raw);
  const issues = claimed.success ? parsed.error : claimed.error;
  const what = raw === undefined ? 'it is not valid JSON' : describeIssues(issues).slice(0, 3).join('; ');
  throw new ContractError(
    'bad_file',
    `Segment "${row.name}" (id ${row.id}) has a rule this version of Tailor cannot read (${what}). ` +
      'It may have been saved by a newer Tailor: open the workspace there, or update Tailor. Otherwise delete the segment and build it again.',
  );
}

function readRow(db: Db, id: number): SegmentRow {
  const row = db.prepare(`SELECT ${COLUMNS} FROM segments WHERE id = ?`).get(id) as SegmentRow | undefined;
  if (!row) throw new ContractError('not_found', `Segment ${id} does not exist. It may have been deleted.`);
  return row;
}

/**
 * Who a stored segment contains: a static one its snapshot, a dynamic one its
 * rule at `asOf` (else its own as-of date, else the workspace's default).
 */
export function segmentFilter(db: Db, id: number, asOf?: string | null): CustomerFilter {
  const row = readRow(db, id);
  if (kindOf(row) === 'static') return snapshotFilter(id);
  return ruleFilter(db, storedRule(row), asOf ?? row.as_of, { id: row.id, name: row.name });
}

/** A stored segment's member count now, or 0 and the reason when its rule no longer compiles. */
export interface SegmentCount {
  count: number;
  problem: string | null;
}

export function countSegment(db: Db, id: number): SegmentCount {
  try {
    return { count: countWhere(db, segmentFilter(db, id)), problem: null };
  } catch (error) {
    // A stored rule can outlive a field or segment it names; it then matches nobody and says why.
    if (!(error instanceof ContractError)) throw error;
    return { count: 0, problem: error.message };
  }
}

/** How a list of segments gets each one's count: counted now, or remembered by the caller (segments.list). */
export type CountOf = (id: number) => SegmentCount;

function toSegment(db: Db, row: SegmentRow, countOf: CountOf = (id) => countSegment(db, id)): Segment {
  const base = {
    id: row.id,
    name: row.name,
    kind: kindOf(row),
    asOf: row.as_of,
    refreshedAt: row.refreshed_at,
    previousCount: row.previous_count,
    updatedAt: row.updated_at,
  };
  let rule: RuleTree;
  try {
    rule = storedRule(row);
  } catch (error) {
    // Listed with its problem rather than failing the whole list: the user must be able to reach it to rebuild or delete it.
    if (!(error instanceof ContractError)) throw error;
    return { ...base, rule: emptyTree(), count: 0, problem: error.message };
  }
  const { count, problem } = countOf(row.id);
  // Dynamic: previousCount is the count the last refresh recorded; static: the snapshot's size before the last one.
  return { ...base, rule, count, problem, previousCount: base.kind === 'static' ? row.previous_count : row.last_count };
}

/** Every segment's id, name, kind and refresh record, without evaluating any rule (the overview counts them itself). */
export function segmentHeads(db: Db): Pick<Segment, 'id' | 'name' | 'kind' | 'previousCount' | 'refreshedAt'>[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM segments ORDER BY name COLLATE NOCASE`).all() as SegmentRow[]).map((row) => ({
    id: row.id,
    name: row.name,
    kind: kindOf(row),
    previousCount: kindOf(row) === 'static' ? row.previous_count : row.last_count,
    refreshedAt: row.refreshed_at,
  }));
}

export const listSegments = (db: Db, countOf?: CountOf): Segment[] =>
  (db.prepare(`SELECT ${COLUMNS} FROM segments ORDER BY name COLLATE NOCASE`).all() as SegmentRow[]).map((row) =>
    toSegment(db, row, countOf),
  );

export const getSegment = (db: Db, id: number): Segment => toSegment(db, readRow(db, id));

/** Take a segment's members now: a static one's snapshot is replaced, and both record the count. */
function takeMembers(db: Db, id: number): void {
  const row = readRow(db, id);
  let count: number;
  if (kindOf(row) === 'static') {
    const filter = ruleFilter(db, storedRule(row), row.as_of, { id: row.id, name: row.name });
    db.prepare('DELETE FROM segment_snapshots WHERE segment_id = ?').run(id);
    count = db
      .prepare(`INSERT INTO segment_snapshots (segment_id, customer_id) SELECT ?, customers.id FROM customers WHERE ${filter.where}`)
      .run(id, ...filter.params).changes;
  } else {
    count = countWhere(db, segmentFilter(db, id));
  }
  db.prepare('UPDATE segments SET previous_count = last_count, last_count = ?, refreshed_at = ? WHERE id = ?').run(count, nowIso(), id);
}

export interface SegmentInput {
  id?: number | undefined;
  name: string;
  rule: RuleTree;
  kind?: SegmentKind | undefined;
  asOf?: string | null | undefined;
}

/**
 * Save a segment. The rule is compiled first (unknown fields, bad values and
 * cycles are refused before anything is stored). A static segment takes its
 * snapshot when its rule, kind or as-of date changes; renaming keeps it.
 */
export function saveSegment(db: Db, input: SegmentInput): Segment {
  const kind = input.kind ?? 'dynamic';
  const asOf = input.asOf ?? null;
  ruleFilter(db, input.rule, asOf, input.id === undefined ? undefined : { id: input.id, name: input.name });
  const clash = db.prepare('SELECT id FROM segments WHERE name = ? COLLATE NOCASE').pluck().get(input.name) as number | undefined;
  if (clash !== undefined && clash !== input.id) {
    throw new ContractError('conflict', `A segment named "${input.name}" already exists. Pick another name.`);
  }
  const now = nowIso();
  const rule = JSON.stringify(input.rule);
  return db.transaction(() => {
    let id: number;
    let changed = true;
    if (input.id === undefined) {
      id = Number(
        db
          .prepare('INSERT INTO segments (name, rule, kind, as_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(input.name, rule, kind, asOf, now, now).lastInsertRowid,
      );
    } else {
      id = input.id;
      const before = db.prepare('SELECT rule, kind, as_of FROM segments WHERE id = ?').get(id) as
        Pick<SegmentRow, 'rule' | 'kind' | 'as_of'> | undefined;
      if (!before) throw new ContractError('not_found', `Segment ${id} does not exist.`);
      changed = before.rule !== rule || before.kind !== kind || before.as_of !== asOf;
      db.prepare('UPDATE segments SET name = ?, rule = ?, kind = ?, as_of = ?, updated_at = ? WHERE id = ?').run(
        input.name,
        rule,
        kind,
        asOf,
        now,
        id,
      );
    }
    if (kind === 'dynamic') db.prepare('DELETE FROM segment_snapshots WHERE segment_id = ?').run(id);
    else if (changed) takeMembers(db, id);
    return getSegment(db, id);
  })();
}

/** Re-take a segment's members: a static snapshot anew; a dynamic count recorded for "change since last refresh". */
export function refreshSegment(db: Db, id: number): Segment {
  return db.transaction(() => {
    takeMembers(db, id);
    return getSegment(db, id);
  })();
}

/** Names of the segments whose rules refer to segment `id`. */
export function segmentsReferring(db: Db, id: number): string[] {
  const rows = db.prepare('SELECT id, name, rule FROM segments WHERE id <> ? ORDER BY name COLLATE NOCASE').all(id) as SegmentRow[];
  return rows
    .filter((row) => {
      try {
        return referencedSegments(storedRule(row)).has(id);
      } catch {
        return false;
      }
    })
    .map((row) => row.name);
}

export function deleteSegment(db: Db, id: number): void {
  const users = segmentsReferring(db, id);
  if (users.length > 0) {
    const name = db.prepare('SELECT name FROM segments WHERE id = ?').pluck().get(id) as string | undefined;
    throw new ContractError(
      'conflict',
      `Segment "${name ?? id}" is used by ${users.map((user) => `"${user}"`).join(', ')}. Remove it from their rules first.`,
    );
  }
  if (!db.prepare('DELETE FROM segments WHERE id = ?').run(id).changes)
    throw new ContractError('not_found', `Segment ${id} does not exist.`);
}

/**
 * Rewrites the stored rules that name label `from` of `score` to name `to`,
 * for a rename of that label (a cluster). Members do not change, so a static
 * segment keeps its snapshot; a rule this version cannot read is left as it
 * is. Run it in the rename's transaction. Returns how many segments changed.
 */
export function renameLabelInSegments(db: Db, score: ScoreName, from: string, to: string): number {
  const rows = db.prepare('SELECT id, name, rule FROM segments').all() as Pick<SegmentRow, 'id' | 'name' | 'rule'>[];
  const update = db.prepare('UPDATE segments SET rule = ? WHERE id = ?');
  let changed = 0;
  for (const row of rows) {
    let tree: RuleTree;
    try {
      tree = storedRule(row);
    } catch {
      continue;
    }
    const renamed = renameScoreLabel(tree, score, from, to);
    if (!renamed) continue;
    update.run(JSON.stringify(renamed), row.id);
    changed += 1;
  }
  return changed;
}

/** A segment's name and rule without counting its members: previews resolve personas on every edit. */
export function getSegmentRule(db: Db, id: number): { name: string; rule: RuleTree } {
  const row = readRow(db, id);
  return { name: row.name, rule: storedRule(row) };
}

/** The live count while editing, with the first `sample` members in id order. */
export function countWithSample(
  db: Db,
  input: { rule: RuleTree; asOf: string | null; segmentId?: number | undefined; sample: number },
): { count: number; sample: Customer[] } {
  const self = input.segmentId === undefined ? undefined : { id: input.segmentId, name: readRow(db, input.segmentId).name };
  const filter = ruleFilter(db, input.rule, input.asOf, self);
  if (input.sample > 0 && filter.driven) {
    // One pass over the members: a driven query yields few candidates, and a second query for the first members
    // would evaluate the whole rule again.
    const { count, first } = countAndFirst(db, filter, input.sample);
    return { count, sample: first.map((id) => findCustomer(db, id)).filter((customer) => customer !== null) };
  }
  const count = countWhere(db, filter);
  const sample =
    input.sample > 0 && count > 0 ? listCustomers(db, { offset: 0, limit: input.sample, search: '', filter, withTotal: false }).rows : [];
  return { count, sample };
}

/** How many customers a filter matches and the `n` lowest ids among them, in one pass. */
function countAndFirst(db: Db, { where, params }: CustomerFilter, n: number): { count: number; first: string[] } {
  const first: string[] = [];
  let count = 0;
  for (const id of db
    .prepare(`SELECT customers.id FROM customers WHERE ${where}`)
    .pluck()
    .iterate(...params) as IterableIterator<string>) {
    count += 1;
    if (first.length === n && id >= (first[n - 1] ?? '')) continue;
    // Ids usually arrive in order (the driver's list is sorted), so this is an append; otherwise keep the n lowest.
    let at = first.length;
    while (at > 0 && (first[at - 1] ?? '') > id) at -= 1;
    first.splice(at, 0, id);
    if (first.length > n) first.pop();
  }
  return { count, first };
}

/** A stored segment's members, a page at a time. */
export function segmentMembers(db: Db, input: { id: number; offset: number; limit: number }): { total: number; rows: Customer[] } {
  const filter = segmentFilter(db, input.id);
  const { total, rows } = listCustomers(db, { offset: input.offset, limit: input.limit, search: '', filter });
  return { total: total ?? 0, rows };
}
