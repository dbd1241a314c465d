import type { FieldCatalogue } from '../../fields/catalogue';
import type { LeafCondition, RuleTree } from '../rule-tree';
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
  /**
   * The one activity leaf whose customer set drives the query (see driver.ts);
   * when there is one, every other activity leaf is checked per candidate.
   */
  readonly driver: LeafCondition | null;
}

export function sqlBuilder(ctx: CompileContext, params: SqlParam[] = [], driver: LeafCondition | null = null): SqlBuilder {
  return {
    ctx,
    params,
    driver,
    bind(value) {
      params.push(value);
      return '?';
    },
    bindList(values) {
      return values.map((value) => this.bind(value)).join(', ');
    },
  };
}

const PER_CUSTOMER_INDEX: Readonly<Record<string, string | undefined>> = { orders: 'orders_customer', events: 'events_customer' };

/**
 * Membership of customers in an aggregate over their activity rows (orders,
 * events, scores, snapshots): `where` scopes the rows, `having` (when set)
 * tests the customer's group of rows, and `emptyMatches` says whether a
 * customer without any row in scope matches ("fewer than 3 orders", "did not
 * view").
 *
 * Two forms, the same set. As a set: an uncorrelated IN (or NOT IN) list
 * SQLite builds once: the cheapest way to test every customer, and, for the
 * driving leaf, the list of candidates the customers are looked up from. Per
 * row: a correlated sub-query on the customer's own rows (an index seek),
 * used for every other activity leaf once a driver narrows the candidates,
 * so a big list (every order of the last 90 days) is never built for them.
 */
export function membership(
  b: SqlBuilder,
  leaf: LeafCondition,
  {
    from,
    where,
    having,
    emptyMatches,
  }: {
    from: string;
    /** Emit the row scope (binding its parameters each time it is written). */
    where: () => string;
    having: (() => string) | null;
    emptyMatches: boolean;
  },
): string {
  // An aggregate without GROUP BY has one row even over no rows (count 0), which HAVING then tests.
  // Per candidate, a customer's own rows come from the index that starts with customer_id; left to itself SQLite
  // may pick the type/category/time index instead and walk the whole window for every candidate.
  const own = PER_CUSTOMER_INDEX[from] === undefined ? from : `${from} INDEXED BY ${PER_CUSTOMER_INDEX[from]}`;
  const perRow = () =>
    `EXISTS (SELECT count(*) FROM ${own} WHERE customer_id = customers.id AND ${where()} HAVING ${having?.() ?? 'true'})`;
  if (b.driver !== null && b.driver !== leaf) {
    if (having === null)
      return `${emptyMatches ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${own} WHERE customer_id = customers.id AND ${where()})`;
    return perRow();
  }
  if (b.driver === leaf && having !== null) {
    // The driver lists every customer with a row in scope (no grouping, so SQLite walks one index range),
    // then tests its aggregate per candidate. It never matches a customer without rows (see driver.ts).
    return `customers.id IN (SELECT customer_id FROM ${from} WHERE ${where()}) AND ${perRow()}`;
  }
  if (!emptyMatches) {
    const scope = where();
    return `customers.id IN (SELECT customer_id FROM ${from} WHERE ${scope}${having === null ? '' : ` GROUP BY customer_id HAVING ${having()}`})`;
  }
  // An unlinked row (customer_id NULL) in a NOT IN list would make it NULL for everyone. The unary + keeps
  // SQLite from choosing the customer index for this term (a scan of every row) over the window's index.
  const scope = where();
  const keep = having === null ? '' : ` GROUP BY customer_id HAVING NOT (${having()})`;
  return `customers.id NOT IN (SELECT customer_id FROM ${from} WHERE +customer_id IS NOT NULL AND ${scope}${keep})`;
}
