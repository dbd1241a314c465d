import type { Node, Operand, ValueExpr } from './ir';

/**
 * Django templates (Klaviyo) and merge tags (Mailchimp) have no `assign`, so
 * an assigned name is replaced by the value it was given, filters included.
 * Liquid assigns are global from their tag on, which is the order a writer
 * meets them in.
 */
export class Assignments {
  private readonly values = new Map<string, ValueExpr>();

  set(name: string, value: ValueExpr): void {
    this.values.set(name, this.resolveValue(value));
  }

  /** The operand as a value: an assigned name becomes what it holds. */
  resolve(operand: Operand): ValueExpr {
    if (operand.kind === 'local' && operand.path.length === 0) {
      const value = this.values.get(operand.name);
      if (value) return value;
    }
    return { base: operand, filters: [] };
  }

  resolveValue(value: ValueExpr): ValueExpr {
    const base = this.resolve(value.base);
    return { base: base.base, filters: [...base.filters, ...value.filters] };
  }
}

/** Every node in document order, loop and branch bodies included (for collecting what a template reads). */
export function* walk(nodes: readonly Node[]): Generator<Node> {
  for (const node of nodes) {
    yield node;
    if (node.kind === 'if') {
      for (const branch of node.branches) yield* walk(branch.body);
      yield* walk(node.otherwise);
    } else if (node.kind === 'for') {
      yield* walk(node.body);
      yield* walk(node.otherwise);
    }
  }
}
