import { ContractError } from '../../shared/contract/envelope';
import { isCanonicalKey } from '../../shared/fields/canonical';
import type { FieldCatalogue } from '../../shared/fields/catalogue';
import { typedPath } from '../../shared/fields/types/stored-value';
import type { Db } from './db';

/**
 * How the customers grid sorts by a field: a typed field by its stored typed
 * value (numbers numerically, money by amount, dates as ISO text, booleans
 * as 0/1), a text field by its text, case-insensitively. The expression is
 * written with the field's key as a literal (keys are snake_case, checked
 * here) so that SQLite can use an expression index, which is created the
 * first time a field is sorted on: on a million customers that is a few
 * seconds once, and every page after it walks the index instead of sorting
 * the table. Blanks have no value (NULL), so they come first ascending and
 * last descending, as SQLite orders NULL.
 */

const KEY = /^[a-z0-9_]+$/;

export interface SortOrder {
  field: string;
  direction: 'asc' | 'desc';
}

function sortExpression(field: string, catalogue: FieldCatalogue, customKeys: ReadonlySet<string>): { expr: string; index: string } {
  if (!KEY.test(field) || (!isCanonicalKey(field) && !customKeys.has(field))) {
    throw new ContractError('invalid_input', `Cannot sort by "${field}": no such field in this workspace.`);
  }
  const typed = Object.hasOwn(catalogue, field) ? catalogue[field] : undefined;
  if (typed && typed.type !== 'text') {
    const path = typedPath(field, typed.type);
    return {
      expr: `json_extract(typed, '${path}')`,
      index: `customers_sort_typed_${field}${path.endsWith('amount') ? '_amount' : path.endsWith('code') ? '_code' : ''}`,
    };
  }
  if (isCanonicalKey(field)) return { expr: `${field} COLLATE NOCASE`, index: `customers_sort_${field}` };
  return { expr: `json_extract(attributes, '$."${field}"') COLLATE NOCASE`, index: `customers_sort_attr_${field}` };
}

/** The ORDER BY clause for a sort, creating the field's index if it has none yet. */
export function orderBy(db: Db, sort: SortOrder | undefined, catalogue: FieldCatalogue, customKeys: ReadonlySet<string>): string {
  if (!sort) return 'ORDER BY id';
  const { expr, index } = sortExpression(sort.field, catalogue, customKeys);
  if (sort.field !== 'id') db.exec(`CREATE INDEX IF NOT EXISTS ${index} ON customers (${expr}, id)`);
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${expr} ${direction}, id ${direction}`;
}
