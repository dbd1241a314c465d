import type { Cond, Node } from './ir';

/**
 * The tree with every condition of every if chain (nested ones included)
 * rewritten leaf by leaf: `leaf` sees each test under and / or / not, and
 * whatever it returns takes that test's place. The passes that adapt Liquid
 * conditions to what an ESP stores (segment and boolean attributes) are
 * written as one `leaf` each.
 */
export function mapConditions(nodes: readonly Node[], leaf: (cond: Cond) => Cond): Node[] {
  const cond = (c: Cond): Cond => {
    switch (c.kind) {
      case 'and':
      case 'or':
        return { ...c, left: cond(c.left), right: cond(c.right) };
      case 'not':
        return { ...c, operand: cond(c.operand) };
      default:
        return leaf(c);
    }
  };
  const node = (n: Node): Node => {
    if (n.kind === 'if')
      return {
        ...n,
        branches: n.branches.map((branch) => ({ ...branch, cond: cond(branch.cond), body: branch.body.map(node) })),
        otherwise: n.otherwise.map(node),
      };
    if (n.kind === 'for') return { ...n, body: n.body.map(node), otherwise: n.otherwise.map(node) };
    return n;
  };
  return nodes.map(node);
}
