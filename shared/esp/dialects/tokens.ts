import type { Cond, Node, Operand, ValueExpr } from './ir';
import { walk } from './substitute';

function* operandTokens(operand: Operand): Generator<string> {
  if (operand.kind === 'field') yield operand.token;
}

function* valueTokens(value: ValueExpr): Generator<string> {
  yield* operandTokens(value.base);
  for (const filter of value.filters) for (const arg of filter.args) yield* operandTokens(arg);
}

function* condTokens(cond: Cond): Generator<string> {
  switch (cond.kind) {
    case 'and':
    case 'or':
      yield* condTokens(cond.left);
      yield* condTokens(cond.right);
      return;
    case 'not':
      yield* condTokens(cond.operand);
      return;
    case 'compare':
    case 'contains':
      yield* operandTokens(cond.left);
      yield* operandTokens(cond.right);
      return;
    case 'present':
    case 'blank':
      yield* operandTokens(cond.operand);
      return;
    default:
      return;
  }
}

/** Every field, score and segment token the template reads, in order of first use. */
export function fieldTokens(nodes: readonly Node[]): string[] {
  const tokens = new Set<string>();
  const add = (list: Iterable<string>) => {
    for (const token of list) tokens.add(token);
  };
  for (const node of walk(nodes)) {
    if (node.kind === 'output' || node.kind === 'assign') add(valueTokens(node.value));
    else if (node.kind === 'if') for (const branch of node.branches) add(condTokens(branch.cond));
    else if (node.kind === 'for') add(operandTokens(node.collection));
  }
  return [...tokens];
}
