import type { Branch, Cond, Node } from './ir';

/**
 * Rewrites an if chain so each condition is one the dialect can write in a
 * single tag, without changing what renders: `A or B` becomes two branches
 * with the same body, `A and B` an `if A` holding `if B` (the rest of the
 * chain repeated as both else parts), and `not P` an `if P` whose body is
 * the rest of the chain and whose else is the branch. Mailchimp (no and/or),
 * Django (no parentheses) and Braze (no `not`) need this; HubL and AMPscript
 * write every condition as is. A condition with nothing to split that the
 * dialect still cannot write is reported through `cannot` and treated as
 * false, so its branch is left out (with the warning) rather than guessed.
 */
export function lowerIf(
  branches: readonly Branch[],
  otherwise: Node[],
  canWrite: (cond: Cond) => boolean,
  cannot: (branch: Branch) => void,
): Node[] {
  const [first, ...rest] = branches;
  if (!first) return otherwise;
  const tail = (): Node[] => lowerIf(rest, otherwise, canWrite, cannot);
  const cond = first.cond;
  if (canWrite(cond)) {
    const after = tail();
    const [only] = after;
    // Keep one flat chain (`elsif`) when the rest is itself a chain this function made.
    if (after.length === 1 && only?.kind === 'if' && only.at === first.at) {
      return [{ kind: 'if', branches: [first, ...only.branches], otherwise: only.otherwise, at: first.at }];
    }
    return [{ kind: 'if', branches: [first], otherwise: after, at: first.at }];
  }
  switch (cond.kind) {
    case 'or':
      return lowerIf([{ ...first, cond: cond.left }, { ...first, cond: cond.right }, ...rest], otherwise, canWrite, cannot);
    case 'and': {
      const inner = lowerIf([{ ...first, cond: cond.right }], tail(), canWrite, cannot);
      return lowerIf([{ ...first, cond: cond.left, body: inner }], tail(), canWrite, cannot);
    }
    case 'not':
      // A test the dialect cannot write at all is false, so the branch under its negation is left out as the
      // warning says (reading the inner test as false would show the branch to everyone).
      if (!['and', 'or', 'not', 'constant'].includes(cond.operand.kind) && !canWrite(cond.operand)) {
        cannot(first);
        return tail();
      }
      return lowerIf([{ ...first, cond: cond.operand, body: tail() }], first.body, canWrite, cannot);
    case 'constant':
      return cond.value ? first.body : tail();
    default:
      cannot(first);
      return tail();
  }
}

/**
 * Moves `not` inward where the result means exactly the same: De Morgan over
 * and/or, `==` ↔ `!=`, blank ↔ present. Ordering comparisons and `contains`
 * keep their `not` (`not (x > 5)` holds for a missing x, `x <= 5` does not).
 */
export function pushNot(cond: Cond): Cond {
  switch (cond.kind) {
    case 'and':
    case 'or':
      return { kind: cond.kind, left: pushNot(cond.left), right: pushNot(cond.right) };
    case 'not':
      return negate(cond.operand);
    default:
      return cond;
  }
}

function negate(cond: Cond): Cond {
  switch (cond.kind) {
    case 'and':
      return { kind: 'or', left: negate(cond.left), right: negate(cond.right) };
    case 'or':
      return { kind: 'and', left: negate(cond.left), right: negate(cond.right) };
    case 'not':
      return pushNot(cond.operand);
    case 'compare':
      if (cond.op === '==') return { ...cond, op: '!=' };
      if (cond.op === '!=') return { ...cond, op: '==' };
      return { kind: 'not', operand: cond };
    case 'present':
      return { kind: 'blank', operand: cond.operand };
    case 'blank':
      return { kind: 'present', operand: cond.operand };
    case 'constant':
      return { kind: 'constant', value: !cond.value };
    default:
      return { kind: 'not', operand: cond };
  }
}
