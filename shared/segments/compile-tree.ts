import type { RuleNode, RuleTree } from './rule-tree';
import type { SqlParam } from './rule-error';
import { eventsSql } from './compile/events';
import { fieldSql } from './compile/field';
import { ordersSql } from './compile/orders';
import { scoreSql } from './compile/score';
import { chooseDriver } from './compile/driver';
import { segmentSql, type SegmentChain } from './compile/segment';
import { sqlBuilder, type CompileContext, type SqlBuilder } from './compile/sql';

export type { CompileContext, ResolvedSegment } from './compile/sql';
export { RuleError } from './rule-error';

export interface CompiledTree {
  /** A boolean SQL expression over the `customers` table; every value is a `?` placeholder. */
  where: string;
  params: SqlParam[];
  /**
   * Whether one activity condition drives the query (its customers looked up by id, in id order): then
   * reading the members once is cheaper than a count and a second query for the first few.
   */
  driven: boolean;
}

const EVERYONE = '1 = 1';

/**
 * A group without any condition in it (at any depth) is no condition: it is
 * left out of its parent, and a rule made only of such groups matches
 * everyone. So half-built groups in the builder do not change the count.
 */
function isEmpty(node: RuleNode): boolean {
  return node.kind === 'group' && node.children.every(isEmpty);
}

function nodeSql(b: SqlBuilder, node: RuleNode, chain: SegmentChain): string {
  switch (node.kind) {
    case 'group': {
      const children = node.children.filter((child) => !isEmpty(child));
      if (children.length === 0) return EVERYONE;
      const joined = children.map((child) => `(${nodeSql(b, child, chain)})`).join(node.combinator === 'and' ? ' AND ' : ' OR ');
      return node.negate ? `NOT (${joined})` : joined;
    }
    // A field comparison is NULL for a customer without the value; NOT must see false there, not NULL.
    case 'field':
      return `coalesce(${fieldSql(b, node)}, 0)`;
    case 'orders':
      return ordersSql(b, node);
    case 'events':
      return eventsSql(b, node);
    case 'score':
      return scoreSql(b, node);
    case 'segment':
      return segmentSql(b, node, chain, (tree, asOf, inner) => nodeSql(sqlBuilder({ ...b.ctx, asOf }, b.params, b.driver), tree, inner));
  }
}

/**
 * Compile a rule tree into a parameterised WHERE expression over `customers`.
 * Pure: the workspace's field types, custom keys, the as-of date and the
 * other segments come in through `ctx`. Invalid rules (unknown field, a
 * value its type cannot read, a cycle) throw a RuleError the user can act on.
 * The SQL is two-valued (never NULL), so NOT groups mean "everyone else".
 */
export function compileTree(tree: RuleTree, ctx: CompileContext): CompiledTree {
  const driver = chooseDriver(tree);
  const b = sqlBuilder(ctx, [], driver);
  const chain: SegmentChain = ctx.self ? [ctx.self] : [];
  // With a driver, SQLite tests the other terms per candidate in the order written: profile fields (no
  // sub-query) before the per-customer activity look-ups. AND does not care about order.
  const rank = (node: RuleNode): number => (node === driver ? 0 : node.kind === 'field' ? 1 : 2);
  const root = driver ? { ...tree, children: [...tree.children].sort((x, y) => rank(x) - rank(y)) } : tree;
  const where = isEmpty(root) ? EVERYONE : nodeSql(b, root, chain);
  return { where, params: b.params, driven: driver !== null };
}
