import type { At, CompareOp, Cond, Node, Operand } from './ir';
import { type DialectContext, describe, describeCond } from './context';
import { lowerIf, pushNot } from './lower-if';

/**
 * The shape every writer shares for conditions, if chains and the start of a
 * loop; each dialect gives only its syntax. Keeping the walk in one place
 * keeps the dialects agreeing on what is written, what is refused (a
 * condition a dialect cannot write is null, its branch left out with a
 * warning by `lowerIf`) and in which order operands are read (reading one may
 * warn).
 */

type Presence = Extract<Cond, { kind: 'present' | 'blank' }>;

export interface ConditionSyntax<T> {
  /** An operand as the dialect reads it in a condition; null when it cannot. */
  operand(operand: Operand, at: At): T | null;
  /** How `and` / `or` join two written conditions; null when this dialect cannot join these two (read before either side). */
  junction(kind: 'and' | 'or', cond: Extract<Cond, { kind: 'and' | 'or' }>): ((left: string, right: string) => string) | null;
  compare(op: CompareOp, left: T, right: T, cond: Extract<Cond, { kind: 'compare' }>, at: At): string;
  /** Liquid `contains`: `right` is in `left`. */
  contains(left: T, right: T): string | null;
  /** A value is there (`present`) or empty (`blank`). */
  test(kind: Presence['kind'], subject: T): string;
  /** A presence test written without reading its operand (AMPscript's forloop.first); undefined reads it as usual. */
  special?(cond: Presence): string | null | undefined;
  /** `not`, given the operand and a way to write it (not called when the dialect cannot negate that operand). */
  not(operand: Cond, inner: () => string | null): string | null;
  constant(value: boolean): string | null;
}

export function conditionWriter<T>(syntax: ConditionSyntax<T>): (cond: Cond, at: At) => string | null {
  const condition = (cond: Cond, at: At): string | null => {
    switch (cond.kind) {
      case 'and':
      case 'or': {
        const join = syntax.junction(cond.kind, cond);
        if (!join) return null;
        const left = condition(cond.left, at);
        const right = condition(cond.right, at);
        return left && right ? join(left, right) : null;
      }
      case 'compare':
      case 'contains': {
        const left = syntax.operand(cond.left, at);
        const right = syntax.operand(cond.right, at);
        if (left === null || right === null) return null;
        return cond.kind === 'compare' ? syntax.compare(cond.op, left, right, cond, at) : syntax.contains(left, right);
      }
      case 'present':
      case 'blank': {
        const special = syntax.special?.(cond);
        if (special !== undefined) return special;
        const subject = syntax.operand(cond.operand, at);
        return subject === null ? null : syntax.test(cond.kind, subject);
      }
      case 'not':
        return syntax.not(cond.operand, () => condition(cond.operand, at));
      case 'constant':
        return syntax.constant(cond.value);
      case 'unsupported':
        return null;
    }
  };
  return condition;
}

export interface ChainSyntax {
  /** The ESP's name in warnings. */
  name: string;
  /** The tag opening the first branch (`if`) or a later one (`elif`, `elsif`, `ELSEIF`). */
  branch(first: boolean, condition: string): string;
  otherwise: string;
  end: string;
  /** A condition that never holds, for a branch whose condition could not be written. */
  never: string;
}

/**
 * An if chain: negations pushed inward, then split (`lowerIf`) into what the
 * dialect writes in one tag each, the branches it cannot test left out with
 * a warning; the chain itself written with the dialect's tags.
 */
export function writeIf(
  node: Extract<Node, { kind: 'if' }>,
  parts: {
    condition: (cond: Cond) => string | null;
    write: (nodes: readonly Node[]) => string;
    writeNode: (node: Node) => string;
    context: DialectContext;
  },
  syntax: ChainSyntax,
): string {
  const { condition, write, writeNode, context } = parts;
  const branches = node.branches.map((branch) => ({ ...branch, cond: pushNot(branch.cond) }));
  const lowered = lowerIf(
    branches,
    node.otherwise,
    (cond) => condition(cond) !== null,
    (branch) => context.warn(branch.at, `${syntax.name} cannot test ${describeCond(branch.cond)}; this branch is left out.`),
  );
  const chain = (part: Extract<Node, { kind: 'if' }>): string => {
    let out = '';
    part.branches.forEach((branch, index) => {
      out += `${syntax.branch(index === 0, condition(branch.cond) ?? syntax.never)}${write(branch.body)}`;
    });
    if (part.otherwise.length > 0) out += `${syntax.otherwise}${write(part.otherwise)}`;
    return `${out}${syntax.end}`;
  };
  return lowered.map((part) => (part.kind === 'if' && part.at === node.at ? chain(part) : writeNode(part))).join('');
}

/** What a loop runs over as the dialect reads it, or null (with the warning) when it cannot loop over that. */
export function loopCollection(
  node: Extract<Node, { kind: 'for' }>,
  read: (operand: Operand) => string | null,
  name: string,
  context: DialectContext,
): string | null {
  const collection = node.collection.kind === 'literal' ? null : read(node.collection);
  if (collection === null) context.warn(node.at, `${name} cannot loop over ${describe(node.collection)}; the loop is left out.`);
  return collection;
}

/** The `{% if %}` … `{% endif %}` chain of Liquid (Braze), Django (Klaviyo) and HubL, which differ in the else-if keyword and false. */
export const curlyChain = (name: string, elseIf: 'elsif' | 'elif', never: string): ChainSyntax => ({
  name,
  branch: (first, condition) => `{% ${first ? 'if' : elseIf} ${condition} %}`,
  otherwise: '{% else %}',
  end: '{% endif %}',
  never,
});
