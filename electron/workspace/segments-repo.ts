import { describeIssues } from '../../shared/contract/dispatch';
import { ContractError } from '../../shared/contract/envelope';
import type { Segment } from '../../shared/contract/schemas';
import { compileRule, RuleError } from '../../shared/segments/compile-sql';
import type { SegmentRule } from '../../shared/segments/rule';
import { flatRuleOf, StoredRule, type RuleTree } from '../../shared/segments/rule-tree';
import { customFieldKeys, fieldCatalogue, type CustomerFilter } from './customers-repo';
import { nowIso, type Db } from './db';

interface SegmentRow {
  id: number;
  name: string;
  rule: string;
  updated_at: string;
}

/** A rule as a customers filter; a rule naming an unknown field is the user's to fix, not a crash. */
export function ruleFilter(db: Db, rule: SegmentRule | RuleTree): CustomerFilter {
  // Until the tree compiler lands, only trees that are a flat AND of field conditions compile.
  const flat = 'match' in rule ? rule : flatRuleOf(rule);
  if (flat === null) {
    throw new ContractError(
      'invalid_input',
      'This rule uses groups, orders, events, scores or segments, which this build cannot evaluate yet.',
    );
  }
  try {
    return compileRule(flat, customFieldKeys(db), fieldCatalogue(db));
  } catch (error) {
    if (error instanceof RuleError) throw new ContractError('invalid_input', error.message);
    throw error;
  }
}

export function countMatching(db: Db, rule: SegmentRule | RuleTree): number {
  const { where, params } = ruleFilter(db, rule);
  return db
    .prepare(`SELECT count(*) FROM customers WHERE ${where}`)
    .pluck()
    .get(...params) as number;
}

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
  const what = raw === undefined ? 'it is not valid JSON' : describeIssues(parsed.error).slice(0, 3).join('; ');
  throw new ContractError(
    'bad_file',
    `Segment "${row.name}" (id ${row.id}) has a rule this version of Tailor cannot read (${what}). ` +
      'It may have been saved by a newer Tailor: open the workspace there, or update Tailor. Otherwise delete the segment and build it again.',
  );
}

function toSegment(db: Db, row: SegmentRow): Segment {
  let rule: RuleTree;
  try {
    rule = storedRule(row);
  } catch (error) {
    // Listed with its problem rather than failing the whole list: the user must be able to reach it to rebuild or delete it.
    if (!(error instanceof ContractError)) throw error;
    return {
      id: row.id,
      name: row.name,
      rule: { kind: 'group', combinator: 'and', negate: false, children: [] },
      kind: 'dynamic',
      asOf: null,
      refreshedAt: null,
      previousCount: null,
      count: 0,
      updatedAt: row.updated_at,
      problem: error.message,
    };
  }
  let count = 0;
  try {
    count = countMatching(db, rule);
  } catch {
    // A stored rule can outlive a field it names (e.g. after a new workspace import); it then matches nobody.
    count = 0;
  }
  return {
    id: row.id,
    name: row.name,
    rule,
    kind: 'dynamic',
    asOf: null,
    refreshedAt: null,
    previousCount: null,
    count,
    updatedAt: row.updated_at,
    problem: null,
  };
}

export const listSegments = (db: Db): Segment[] =>
  (db.prepare('SELECT id, name, rule, updated_at FROM segments ORDER BY name COLLATE NOCASE').all() as SegmentRow[]).map((row) =>
    toSegment(db, row),
  );

export function getSegment(db: Db, id: number): Segment {
  const row = db.prepare('SELECT id, name, rule, updated_at FROM segments WHERE id = ?').get(id) as SegmentRow | undefined;
  if (!row) throw new ContractError('not_found', `Segment ${id} does not exist. It may have been deleted.`);
  return toSegment(db, row);
}

export function saveSegment(db: Db, input: { id?: number | undefined; name: string; rule: RuleTree }): Segment {
  ruleFilter(db, input.rule); // validate fields before storing
  const clash = db.prepare('SELECT id FROM segments WHERE name = ? COLLATE NOCASE').pluck().get(input.name) as number | undefined;
  if (clash !== undefined && clash !== input.id) {
    throw new ContractError('conflict', `A segment named "${input.name}" already exists. Pick another name.`);
  }
  const now = nowIso();
  const rule = JSON.stringify(input.rule);
  if (input.id === undefined) {
    const id = db
      .prepare('INSERT INTO segments (name, rule, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(input.name, rule, now, now).lastInsertRowid;
    return getSegment(db, Number(id));
  }
  if (!db.prepare('UPDATE segments SET name = ?, rule = ?, updated_at = ? WHERE id = ?').run(input.name, rule, now, input.id).changes) {
    throw new ContractError('not_found', `Segment ${input.id} does not exist.`);
  }
  return getSegment(db, input.id);
}

export function deleteSegment(db: Db, id: number): void {
  if (!db.prepare('DELETE FROM segments WHERE id = ?').run(id).changes)
    throw new ContractError('not_found', `Segment ${id} does not exist.`);
}

/** A segment's name and rule without counting its members: previews resolve personas on every edit. */
export function getSegmentRule(db: Db, id: number): { name: string; rule: RuleTree } {
  const row = db.prepare('SELECT id, name, rule FROM segments WHERE id = ?').get(id) as
    Pick<SegmentRow, 'id' | 'name' | 'rule'> | undefined;
  if (!row) throw new ContractError('not_found', `Segment ${id} does not exist. It may have been deleted.`);
  return { name: row.name, rule: storedRule(row) };
}
