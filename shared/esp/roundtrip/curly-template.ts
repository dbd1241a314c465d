import { compileExpression, display, type Compiled, type ExpressionDialect, type Scope, truthOf, type Value } from './curly-expression';
import { RoundTripUnsupported } from './profile';

/**
 * The statements of the Jinja-family dialects Tailor emits for Klaviyo and
 * HubSpot: `{{ }}` output, if / elif / else, for (with its `empty`/`else`
 * branch), HubL's `set` and Django's `with`, and comments. Anything else is
 * reported as unsupported instead of being skipped.
 */

export interface TemplateDialect extends ExpressionDialect {
  /** Assignment statement: HubL `{% set x = … %}`, Django `{% with x=… %}…{% endwith %}`. */
  readonly assign: 'set' | 'with';
  /** The loop variable a template reads: HubL `loop`, Django `forloop`. */
  readonly loopName: string;
  /** Tags the ESP fills in itself (Klaviyo's unsubscribe link), by name: what they print given the rest of the tag. */
  readonly systemTags?: Readonly<Record<string, (rest: string) => string>>;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'output'; expr: Compiled }
  | { kind: 'if'; branches: { test: Compiled | null; body: Node[] }[] }
  | { kind: 'for'; name: string; items: Compiled; body: Node[]; empty: Node[] }
  | { kind: 'set'; name: string; expr: Compiled }
  | { kind: 'with'; names: { name: string; expr: Compiled }[]; body: Node[] };

type Piece = { kind: 'text'; text: string } | { kind: 'output'; text: string } | { kind: 'tag'; name: string; rest: string; raw: string };

const PIECE = /\{\{-?([\s\S]*?)-?\}\}|\{%-?\s*([\s\S]*?)\s*-?%\}|\{#[\s\S]*?#\}/g;

function pieces(source: string): Piece[] {
  const list: Piece[] = [];
  let last = 0;
  for (const match of source.matchAll(PIECE)) {
    if (match.index > last) list.push({ kind: 'text', text: source.slice(last, match.index) });
    last = match.index + match[0].length;
    if (match[1] !== undefined) list.push({ kind: 'output', text: match[1] });
    else if (match[2] !== undefined) {
      const [, name = '', rest = ''] = /^(\w+)\s*([\s\S]*)$/.exec(match[2]) ?? [];
      list.push({ kind: 'tag', name, rest, raw: match[0] });
    }
  }
  if (last < source.length) list.push({ kind: 'text', text: source.slice(last) });
  return list;
}

export function parseTemplate(source: string, dialect: TemplateDialect): Node[] {
  const list = pieces(source);
  let at = 0;
  const unsupported = (piece: Piece & { kind: 'tag' }): never => {
    throw new RoundTripUnsupported(`${dialect.name}: the tag ${piece.raw} is not read by the round-trip check`, piece.raw);
  };

  /** Nodes until one of `stops` (returned, not consumed), or the end when `stops` is empty. */
  const block = (stops: readonly string[]): { nodes: Node[]; stop: (Piece & { kind: 'tag' }) | null } => {
    const nodes: Node[] = [];
    while (at < list.length) {
      const piece = list[at] as Piece;
      if (piece.kind === 'text') {
        nodes.push({ kind: 'text', text: piece.text });
        at++;
        continue;
      }
      if (piece.kind === 'output') {
        nodes.push({ kind: 'output', expr: compileExpression(piece.text, dialect) });
        at++;
        continue;
      }
      if (stops.includes(piece.name)) return { nodes, stop: piece };
      at++;
      switch (piece.name) {
        case 'if': {
          const branches: { test: Compiled | null; body: Node[] }[] = [];
          let test: Compiled | null = compileExpression(piece.rest, dialect);
          for (;;) {
            const { nodes: body, stop } = block(['elif', 'else', 'endif']);
            branches.push({ test, body });
            if (!stop) throw new RoundTripUnsupported(`${dialect.name}: ${piece.raw} has no {% endif %}`, piece.raw);
            at++;
            if (stop.name === 'endif') break;
            test = stop.name === 'elif' ? compileExpression(stop.rest, dialect) : null;
          }
          nodes.push({ kind: 'if', branches });
          break;
        }
        case 'for': {
          const [, name = '', items = ''] = /^(\w+)\s+in\s+([\s\S]+)$/.exec(piece.rest) ?? [];
          if (!name) unsupported(piece);
          const { nodes: body, stop } = block(['empty', 'else', 'endfor']);
          if (!stop) throw new RoundTripUnsupported(`${dialect.name}: ${piece.raw} has no {% endfor %}`, piece.raw);
          at++;
          let empty: Node[] = [];
          if (stop.name !== 'endfor') {
            const rest = block(['endfor']);
            if (!rest.stop) throw new RoundTripUnsupported(`${dialect.name}: ${piece.raw} has no {% endfor %}`, piece.raw);
            at++;
            empty = rest.nodes;
          }
          nodes.push({ kind: 'for', name, items: compileExpression(items, dialect), body, empty });
          break;
        }
        case 'set': {
          const [, name = '', expr = ''] = /^(\w+)\s*=\s*([\s\S]+)$/.exec(piece.rest) ?? [];
          if (dialect.assign !== 'set' || !name) unsupported(piece);
          nodes.push({ kind: 'set', name, expr: compileExpression(expr, dialect) });
          break;
        }
        case 'with': {
          if (dialect.assign !== 'with') unsupported(piece);
          const names = [...piece.rest.matchAll(/(\w+)=((?:'[^']*'|"[^"]*"|[^\s'"])+)/g)].map(([, name = '', expr = '']) => ({
            name,
            expr: compileExpression(expr, dialect),
          }));
          const { nodes: body, stop } = block(['endwith']);
          if (!stop || names.length === 0) throw new RoundTripUnsupported(`${dialect.name}: cannot read ${piece.raw}`, piece.raw);
          at++;
          nodes.push({ kind: 'with', names, body });
          break;
        }
        case 'comment': {
          const { stop } = block(['endcomment']);
          if (!stop) throw new RoundTripUnsupported(`${dialect.name}: ${piece.raw} has no {% endcomment %}`, piece.raw);
          at++;
          break;
        }
        default: {
          const system = dialect.systemTags?.[piece.name];
          if (!system) unsupported(piece);
          else nodes.push({ kind: 'text', text: system(piece.rest) });
        }
      }
    }
    return { nodes, stop: null };
  };

  const { nodes, stop } = block([]);
  if (stop) throw new RoundTripUnsupported(`${dialect.name}: ${stop.raw} closes nothing`, stop.raw);
  return nodes;
}

const MAX_ITERATIONS = 10_000;

/** `locals` is shared with the branches of an `if`: a `set` inside one is seen after it, as in Jinja. */
export function renderTemplate(nodes: readonly Node[], scope: Scope, dialect: TemplateDialect, locals = new Map<string, Value>()): string {
  const lookup: Scope = (name) => (locals.has(name) ? locals.get(name) : scope(name));
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'output':
        out += display(node.expr(lookup));
        break;
      case 'set':
        locals.set(node.name, node.expr(lookup));
        break;
      case 'if': {
        const branch = node.branches.find((candidate) => candidate.test === null || truthOf(dialect, candidate.test(lookup)));
        if (branch) out += renderTemplate(branch.body, scope, dialect, locals);
        break;
      }
      case 'with': {
        const values = new Map(node.names.map(({ name, expr }) => [name, expr(lookup)]));
        out += renderTemplate(node.body, (name) => (values.has(name) ? values.get(name) : lookup(name)), dialect);
        break;
      }
      case 'for': {
        const value = node.items(lookup);
        const items: readonly Value[] = Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [...value] : [];
        if (items.length > MAX_ITERATIONS) throw new RoundTripUnsupported(`${dialect.name}: a loop of ${items.length} items`, '');
        if (items.length === 0) out += renderTemplate(node.empty, scope, dialect, locals);
        items.forEach((item, index) => {
          const loop = {
            get: (name: string): Value =>
              ({
                index: index + 1,
                index0: index,
                counter: index + 1,
                counter0: index,
                first: index === 0,
                last: index === items.length - 1,
                length: items.length,
              })[name],
          };
          out += renderTemplate(
            node.body,
            (name) => (name === node.name ? item : name === dialect.loopName ? loop : lookup(name)),
            dialect,
          );
        });
        break;
      }
    }
  }
  return out;
}
