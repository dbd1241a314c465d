import { RuleError } from '../rule-error';
import type { AggregateOperator } from '../rule-tree';

export const SQL_COMPARISON = { equals: '=', not_equals: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
export type Comparison = keyof typeof SQL_COMPARISON;

export const isComparison = (op: string): op is Comparison => Object.hasOwn(SQL_COMPARISON, op);

/** The same comparison on JavaScript values, to know at compile time whether "no rows" (0) matches. */
export function compareValues(op: Comparison, left: number, right: number): boolean {
  switch (op) {
    case 'equals':
      return left === right;
    case 'not_equals':
      return left !== right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
  }
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A plain number from a value box, or a message naming what it was for ("greater than abc" is refused). */
export function numberValue(value: string, what: string): number {
  const text = value.trim();
  if (!PLAIN_NUMBER.test(text)) throw new RuleError(`${what}: "${value}" is not a number (write it like 3 or 49.90).`);
  return Number(text);
}

export function comparisonOf(op: AggregateOperator, what: string): Comparison {
  if (!isComparison(op)) throw new RuleError(`${what} is a number: compare it with is, is not, greater or less than.`);
  return op;
}
