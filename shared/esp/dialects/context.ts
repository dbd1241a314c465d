import type { DialectWarning, EspId } from '../esp';
import type { At, Cond, Filter, Literal, Node, Operand, ValueExpr } from './ir';

/** What every dialect writer is given: where to warn, and how a token becomes the ESP's attribute. */
export interface DialectContext {
  readonly esp: EspId;
  /** Says out loud what the dialect cannot express; `at` is the Liquid construct, with its line. */
  warn(at: At, message: string, level?: DialectWarning['level']): void;
  /** The ESP attribute a token reads; recorded as a column of the audience CSV. */
  attribute(token: string): string;
  /** The ESP's own tag for a token it fills itself (the unsubscribe link), or null. */
  native(token: string): string | null;
  /**
   * The attribute carrying a value the ESP cannot compute, precomputed per
   * contact in the audience CSV from `expression` (Liquid, no braces); the
   * same expression always gets the same attribute.
   */
  derived(expression: string): string;
  /** Renders a Liquid output that reads no variable (a constant fallback through filters); null if it fails. */
  evaluate(liquid: string): string | null;
}

export type Writer = (nodes: readonly Node[], context: DialectContext) => string;

/** `plus: 0`, `minus: 0`, `times: 1`: Liquid's way to read text as a number; the ESPs compare numbers as numbers anyway. */
export function isNumericCast(filter: Filter): boolean {
  const [arg, ...more] = filter.args;
  if (more.length > 0 || arg?.kind !== 'literal') return false;
  return ((filter.name === 'plus' || filter.name === 'minus') && arg.value === 0) || (filter.name === 'times' && arg.value === 1);
}

/** A value's `default` split out: filters before it, its fallback, filters after (applied to either). */
export interface Defaulted {
  before: Filter[];
  fallback: Operand | null;
  after: Filter[];
}

export function splitDefault(value: ValueExpr): Defaulted {
  const index = value.filters.findIndex((filter) => filter.name === 'default');
  if (index === -1) return { before: value.filters, fallback: null, after: [] };
  const fallback = value.filters[index]?.args[0] ?? { kind: 'literal', value: '' };
  return { before: value.filters.slice(0, index), fallback, after: value.filters.slice(index + 1) };
}

/** The Liquid text of a literal, for re-evaluating constants with liquidjs. */
export function liquidLiteral(value: Literal): string {
  if (value === null) return 'nil';
  if (typeof value === 'string') return value.includes("'") ? `"${value}"` : `'${value}'`;
  return String(value);
}

/** A constant value (a literal through filters with literal arguments), computed now with Tailor's own Liquid. */
export function constantText(base: Operand, filters: readonly Filter[], context: DialectContext): string | null {
  if (base.kind !== 'literal') return null;
  if (!filters.every((filter) => filter.args.every((arg) => arg.kind === 'literal'))) return null;
  if (filters.length === 0) return base.value === null ? '' : String(base.value);
  return context.evaluate(`{{ ${[liquidLiteral(base.value), ...filters.map((filter) => filter.text)].join(' | ')} }}`);
}

/** How an operand is described in a warning. */
export function describe(operand: Operand): string {
  switch (operand.kind) {
    case 'literal':
      return liquidLiteral(operand.value);
    case 'field':
      return operand.token;
    case 'local':
      return [operand.name, ...operand.path].join('.');
    case 'forloop':
      return `forloop.${operand.property}`;
    case 'unsupported':
      return operand.text;
  }
}

/** Warnings are data; the same construct on the same line says a thing once. */
export function warningCollector(): {
  warn: (at: At, message: string, level?: DialectWarning['level']) => void;
  warnings: DialectWarning[];
} {
  const warnings: DialectWarning[] = [];
  const seen = new Set<string>();
  return {
    warnings,
    warn(at, message, level) {
      const key = `${at.line ?? ''}\u0000${at.construct}\u0000${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      warnings.push({ line: at.line, construct: at.construct, message, ...(level ? { level } : {}) });
    },
  };
}

/**
 * An output of a token the ESP fills itself becomes the ESP's tag; its fallback
 * is not needed (the ESP always has the value), other filters are said to be dropped.
 */
export function nativeOutput(value: ValueExpr, at: At, context: DialectContext): string | null {
  if (value.base.kind !== 'field') return null;
  const native = context.native(value.base.token);
  if (native === null) return null;
  const dropped = value.filters.filter((filter) => filter.name !== 'default');
  if (dropped.length > 0)
    context.warn(at, `The ESP writes ${value.base.token} itself; ${dropped.map((f) => f.text).join(', ')} is not applied.`);
  return native;
}

/** How a condition is described in a warning. */
export function describeCond(cond: Cond): string {
  switch (cond.kind) {
    case 'and':
    case 'or':
      return `${describeCond(cond.left)} ${cond.kind} ${describeCond(cond.right)}`;
    case 'not':
      return `not ${describeCond(cond.operand)}`;
    case 'compare':
      return `${describe(cond.left)} ${cond.op} ${describe(cond.right)}`;
    case 'contains':
      return `${describe(cond.left)} contains ${describe(cond.right)}`;
    case 'present':
      return describe(cond.operand);
    case 'blank':
      return `${describe(cond.operand)} == blank`;
    case 'constant':
      return String(cond.value);
    case 'unsupported':
      return `${cond.text} (${cond.reason})`;
  }
}
