import type { FieldCatalogue } from '../../fields/catalogue';
import type { RuleTree } from '../rule-tree';
import type { SqlParam } from '../rule-error';

/** A segment another rule refers to, as the compiler needs it. */
export interface ResolvedSegment {
  name: string;
  tree: RuleTree;
  kind: 'dynamic' | 'static';
  /** The segment's own as-of date; null follows the date of the rule that uses it. */
  asOf: string | null;
}

export interface CompileContext {
  /** Typed fields by key: comparisons read their stored typed values. */
  catalogue: FieldCatalogue;
  /** Custom attribute keys the workspace has. */
  knownCustom: ReadonlySet<string>;
  /** yyyy-mm-dd: every relative window counts back from this day, and later activity never counts. */
  asOf: string;
  /** Another segment by id (throws a RuleError when it does not exist). */
  resolveSegment(id: number): ResolvedSegment;
  /** The segment being edited, when there is one: referring back to it is a cycle. */
  self?: { id: number; name: string } | undefined;
}

/**
 * What leaf compilers write into: the parameters in placeholder order, and
 * the chain of segments being expanded (cycle detection).
 */
export interface SqlBuilder {
  readonly ctx: CompileContext;
  readonly params: SqlParam[];
  /** Appends a value and returns its placeholder, so SQL reads in parameter order. */
  bind(value: SqlParam): string;
  /** `?, ?, ?` for a list of values. */
  bindList(values: readonly SqlParam[]): string;
}

export function sqlBuilder(ctx: CompileContext, params: SqlParam[] = []): SqlBuilder {
  return {
    ctx,
    params,
    bind(value) {
      params.push(value);
      return '?';
    },
    bindList(values) {
      return values.map((value) => this.bind(value)).join(', ');
    },
  };
}

/**
 * Membership of customers in an aggregate over their activity rows
 * (orders, events, scores). When a customer without any matching row matches
 * ("fewer than 3 orders", "did not view"), the set is everyone minus those
 * whose rows fail; otherwise it is those whose rows pass. Both are
 * uncorrelated IN lists: SQLite builds each once and can drive the customer
 * lookup from the smallest, instead of a sub-query per customer.
 */
export function membership({
  from,
  where,
  having,
  emptyMatches,
}: {
  from: string;
  where: string;
  having: string | null;
  emptyMatches: boolean;
}): string {
  const keep = having === null ? '' : ` GROUP BY customer_id HAVING ${emptyMatches ? `NOT (${having})` : having}`;
  if (emptyMatches && having === null) return `customers.id NOT IN (SELECT customer_id FROM ${from} WHERE ${where})`;
  return `customers.id ${emptyMatches ? 'NOT IN' : 'IN'} (SELECT customer_id FROM ${from} WHERE ${where}${keep})`;
}
