import { conditionWriter, curlyChain, loopCollection, writeIf } from './blocks';
import { type DialectContext, describe, isNumericCast, nativeOutput } from './context';
import { convertStrftime } from './date-format';
import { KLAVIYO_STANDARD } from './field-map';
import type { At, Filter, Literal, Node, Operand, ValueExpr } from './ir';
import { Assignments } from './substitute';

/**
 * Klaviyo: Django-style template tags [K1][K2].
 *
 * Emitted subset: `{{ person.first_name|default:'x' }}` for Klaviyo's own
 * profile properties and `{{ person|lookup:'Name' }}` for custom ones [K1][K4];
 * filters with a colon and no spaces [K2] (`upper`, `lower`, `capitalize`,
 * `default`, `add`, `multiply`, `append`, `urlencode`, `date`, `length`,
 * `first`, `last`, `join`, `escape`, `striptags`, `truncatechars`, `abs`,
 * `ceil`, `at_least`, `at_most`, `slice`); `{% if %}` / `{% elif %}` /
 * `{% else %}` with `==`, `!=`, `<`, `>`, `<=`, `>=`, `in`, `and`, `or`,
 * `not`; `{% for x in … [reversed] %}` with `{% empty %}` and `forloop.counter`.
 * Django has no assignment and no parentheses: an assigned name is replaced by
 * its value, and a condition Django would group differently from Liquid
 * (Liquid reads `a and b or c` as `a and (b or c)`) is split into nested ifs.
 */

const FORLOOP: Readonly<Record<string, string>> = {
  index: 'counter',
  index0: 'counter0',
  rindex: 'revcounter',
  rindex0: 'revcounter0',
  first: 'first',
  last: 'last',
};

const SAME_NAME = new Set([
  'base64_encode',
  'base64_decode',
  'first',
  'last',
  'escape',
  'abs',
  'ceil',
  'at_least',
  'at_most',
  'append',
  'join',
  'compact',
]);

function literal(value: Literal): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return value.includes("'") ? `"${value}"` : `'${value}'`;
}

const DJANGO_CHAIN = curlyChain('Klaviyo', 'elif', 'False');

export function writeKlaviyo(nodes: readonly Node[], context: DialectContext): string {
  const assignments = new Assignments();
  /** What each open loop runs over, for `forloop.length`. */
  const loopItems = new Map<string, string>();
  const once = new Set<string>();
  const warnOnce = (key: string, at: At, message: string) => {
    if (once.has(key)) return;
    once.add(key);
    context.warn(at, message);
  };

  /** A variable or literal with no filters (Django filter arguments cannot carry filters). */
  const simple = (operand: Operand): string | null => {
    switch (operand.kind) {
      case 'literal':
        return literal(operand.value);
      case 'field': {
        const name = context.attribute(operand.token);
        return KLAVIYO_STANDARD.has(name) && /^\w+$/.test(name) ? `person.${name}` : null;
      }
      case 'local':
        return operand.path.every((part) => /^\w+$/.test(part)) ? [operand.name, ...operand.path].join('.') : null;
      case 'forloop': {
        // Django's forloop has no length: the items the loop runs over, counted.
        if (operand.property === 'length') return loopItems.get(operand.loop)?.concat('|length') ?? null;
        const property = FORLOOP[operand.property];
        return property ? `forloop.${property}` : null;
      }
      case 'unsupported':
        return null;
    }
  };

  const base = (operand: Operand): string | null => {
    if (operand.kind === 'field') {
      const name = context.attribute(operand.token);
      return simple(operand) ?? `person|lookup:${literal(name)}`;
    }
    return simple(operand);
  };

  /** The Django filter for a Liquid one; '' when the filter is a numeric cast Klaviyo does not need, null when there is none. */
  const filter = (f: Filter, at: At): string | null => {
    const [first] = f.args;
    const arg = first ? simple(first) : null;
    if (isNumericCast(f)) return '';
    switch (f.name) {
      case 'upcase':
        return 'upper';
      case 'downcase':
        return 'lower';
      case 'capitalize':
        // Klaviyo's capitalize only raises the first character [K3]; Liquid's also lowers the rest.
        return 'lower|capitalize';
      case 'size':
        return 'length';
      case 'strip_html':
        return 'striptags';
      case 'default':
        warnOnce(
          'default',
          at,
          "Klaviyo's default also replaces 0 and False, which Liquid prints as they are (this applies to every default in the template) [K3].",
        );
        return arg === null ? null : `default:${arg}`;
      case 'url_encode':
        warnOnce('urlencode', at, 'Klaviyo encodes a space as %20 where Liquid writes +.');
        return "urlencode:''";
      case 'date': {
        const format = first?.kind === 'literal' && typeof first.value === 'string' ? convertStrftime(first.value, 'django') : null;
        return format === null ? null : `date:${literal(format)}`;
      }
      case 'plus':
        return arg === null ? null : `add:${arg}`;
      case 'minus':
        return first?.kind === 'literal' && typeof first.value === 'number' ? `add:${-first.value}` : null;
      case 'times':
        return arg === null ? null : `multiply:${arg}`;
      case 'truncate':
        warnOnce('truncate', at, 'Klaviyo cuts with truncatechars, which ends in "…" where Liquid writes "...".');
        return first?.kind === 'literal' && typeof first.value === 'number' ? `truncatechars:${first.value}` : null;
      default:
        if (!SAME_NAME.has(f.name)) return null;
        if (f.args.length === 0) return f.name;
        return arg === null || f.args.length > 1 ? null : `${f.name}:${arg}`;
    }
  };

  const value = (expr: ValueExpr, at: At): string | null => {
    let { base: start, filters } = assignments.resolveValue(expr);
    let prefix: string | null = null;
    // `1000 | minus: points` has no Django twin, but `points|multiply:-1|add:1000` is the same number.
    const [head, ...tail] = filters;
    if (
      start.kind === 'literal' &&
      typeof start.value === 'number' &&
      head?.name === 'minus' &&
      head.args[0] &&
      head.args[0].kind !== 'literal'
    ) {
      const subtrahend = assignments.resolve(head.args[0]);
      const inner = value(subtrahend, at);
      if (inner !== null) prefix = `${inner}|multiply:-1|add:${start.value}`;
      filters = tail;
      start = { kind: 'literal', value: null };
    }
    const text = prefix ?? base(start);
    if (text === null) {
      context.warn(
        at,
        `Klaviyo cannot read ${describe(start)}${start.kind === 'unsupported' ? ` (${start.reason})` : ''}; it is left out.`,
      );
      return null;
    }
    const parts = [text];
    for (const f of filters) {
      const written = filter(f, at);
      if (written === '') continue;
      if (written === null) {
        context.warn(at, `Klaviyo has no equivalent of the ${f.text} filter; the value is written without it.`);
        continue;
      }
      parts.push(written);
    }
    return parts.join('|');
  };

  const operand = (o: Operand, at: At): string | null => {
    const resolved = assignments.resolve(o);
    return resolved.filters.length === 0 && resolved.base.kind !== 'field' ? simple(resolved.base) : value(resolved, at);
  };

  const condition = conditionWriter({
    operand,
    // Django parses `a and b or c` as `(a and b) or c` and has no parentheses: an `or` under an `and` cannot be written.
    junction: (kind, cond) =>
      kind === 'and' && (cond.left.kind === 'or' || cond.right.kind === 'or') ? null : (left, right) => `${left} ${kind} ${right}`,
    compare: (op, left, right) => `${left} ${op} ${right}`,
    contains: (left, right) => `${right} in ${left}`,
    test: (kind, subject) => `${kind === 'blank' ? 'not ' : ''}${subject}`,
    not: (inner, write) => {
      const text = inner.kind === 'compare' || inner.kind === 'contains' ? write() : null;
      return text ? `not ${text}` : null;
    },
    constant: () => null,
  });

  const write = (list: readonly Node[]): string => list.map(writeNode).join('');

  const writeNode = (node: Node): string => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'output': {
        const native = nativeOutput(node.value, node.at, context);
        if (native !== null) return native;
        const text = value(node.value, node.at);
        return text === null ? '' : `{{ ${text} }}`;
      }
      case 'assign':
        assignments.set(node.name, node.value);
        return '';
      case 'if':
        return writeIf(node, { condition: (cond) => condition(cond, node.at), write, writeNode, context }, DJANGO_CHAIN);
      case 'for':
        return writeFor(node);
      case 'unsupported':
        context.warn(node.at, `Klaviyo: ${node.reason}; it is left out.`);
        return '';
    }
  };

  const writeFor = (node: Extract<Node, { kind: 'for' }>): string => {
    const collection = loopCollection(node, (o) => operand(o, node.at), 'Klaviyo', context);
    if (collection === null) return '';
    const from = node.offset ?? 0;
    const slice =
      node.limit === null && node.offset === null ? '' : `|slice:'${from || ''}:${node.limit === null ? '' : from + node.limit}'`;
    const otherwise = node.otherwise.length > 0 ? `{% empty %}${write(node.otherwise)}` : '';
    loopItems.set(node.variable, `${collection}${slice}`);
    const body = write(node.body);
    loopItems.delete(node.variable);
    return `{% for ${node.variable} in ${collection}${slice}${node.reversed ? ' reversed' : ''} %}${body}${otherwise}{% endfor %}`;
  };

  return write(nodes);
}
