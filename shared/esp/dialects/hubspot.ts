import { conditionWriter, curlyChain, loopCollection, writeIf } from './blocks';
import { type DialectContext, describe, isNumericCast, nativeOutput } from './context';
import { convertStrftime } from './date-format';
import type { At, Filter, Literal, Node, Operand, ValueExpr } from './ir';

/**
 * HubSpot: HubL, HubSpot's Jinja [H1].
 *
 * Emitted subset: `{{ contact.firstname|default('x', true) }}` (the `true`
 * makes the default cover an empty value too [H6]); filters with parentheses
 * (`upper`, `lower`, `capitalize`, `urlencode`, `format_date`, `trim`,
 * `length`, `first`, `last`, `join`, `split`, `replace`, `escape`,
 * `striptags`, `abs`, `round`, `int`, `float`, `default`); arithmetic with
 * `+ - * / //` and `~` (string concatenation) [H4]; `{% set %}`;
 * `{% if %}` / `{% elif %}` / `{% else %}` with `==`, `!=`, `<`, `>`, `<=`,
 * `>=`, `in`, `and`, `or`, `not` and parentheses; `{% for x in … %}` with
 * `loop.index` and `{% else %}` [H5]. Liquid's `plus: 0` (read as a number)
 * becomes `|float` where the value is compared with a number; a list field is
 * split on `;` (how HubSpot stores multi-select properties).
 */

interface Expr {
  text: string;
  /** False for `a + b`: a filter or operator after it needs parentheses. */
  atomic: boolean;
  /** A number written in the template (no conversion needed). */
  number?: number;
}

const FORLOOP: Readonly<Record<string, string>> = {
  index: 'loop.index',
  index0: 'loop.index0',
  rindex: 'loop.revindex',
  rindex0: 'loop.revindex0',
  first: 'loop.first',
  last: 'loop.last',
  length: 'loop.length',
};

const RENAMED: Readonly<Record<string, string>> = {
  upcase: 'upper',
  downcase: 'lower',
  capitalize: 'capitalize',
  strip: 'trim',
  size: 'length',
  first: 'first',
  last: 'last',
  escape: 'escape',
  strip_html: 'striptags',
  abs: 'abs',
  join: 'join',
  split: 'split',
  replace: 'replace',
  round: 'round',
};

function literal(value: Literal): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const wrap = (e: Expr): string => (e.atomic ? e.text : `(${e.text})`);

const HUBL_CHAIN = curlyChain('HubSpot', 'elif', 'false');

export function writeHubspot(nodes: readonly Node[], context: DialectContext): string {
  const once = new Set<string>();
  const warnOnce = (key: string, at: At, message: string) => {
    if (once.has(key)) return;
    once.add(key);
    context.warn(at, message);
  };

  const operand = (o: Operand): Expr | null => {
    switch (o.kind) {
      case 'literal':
        return typeof o.value === 'number'
          ? { text: literal(o.value), atomic: true, number: o.value }
          : { text: literal(o.value), atomic: true };
      case 'field':
        return { text: `contact.${context.attribute(o.token)}`, atomic: true };
      case 'local':
        return {
          text: [o.name, ...o.path.map((part) => (/^[A-Za-z_]\w*$/.test(part) ? `.${part}` : `[${literal(part)}]`))].join(''),
          atomic: true,
        };
      case 'forloop': {
        const text = FORLOOP[o.property];
        return text ? { text, atomic: true } : null;
      }
      case 'unsupported':
        return null;
    }
  };

  /** Arithmetic on text needs a number: `int` beside a whole number, `float` otherwise. */
  const numeric = (e: Expr, other: Expr): string =>
    e.number !== undefined ? e.text : `${wrap(e)}|${other.number !== undefined && Number.isInteger(other.number) ? 'int' : 'float'}`;

  const arithmetic: Readonly<Record<string, string>> = { plus: '+', minus: '-', times: '*', divided_by: '/' };

  const filter = (current: Expr, f: Filter, at: At): Expr | null => {
    if (isNumericCast(f)) return current;
    const args = f.args.map(operand);
    if (args.some((arg) => arg === null)) return null;
    const written = args.filter((arg): arg is Expr => arg !== null);
    const [first] = f.args;
    const op = arithmetic[f.name];
    if (op && first && written[0]) {
      const operator = f.name === 'divided_by' && written[0].number !== undefined && Number.isInteger(written[0].number) ? '//' : op;
      return { text: `${numeric(current, written[0])} ${operator} ${numeric(written[0], current)}`, atomic: false };
    }
    switch (f.name) {
      case 'default':
        warnOnce(
          'default',
          at,
          "HubL's default(…, true) also replaces 0 and false, which Liquid prints as they are (this applies to every default in the template) [H6].",
        );
        return written[0] ? { text: `${wrap(current)}|default(${written[0].text}, true)`, atomic: true } : null;
      case 'url_encode':
        warnOnce('urlencode', at, "HubL's urlencode may encode a space differently from Liquid's + [H6].");
        return { text: `${wrap(current)}|urlencode`, atomic: true };
      case 'date': {
        const format = first?.kind === 'literal' && typeof first.value === 'string' ? convertStrftime(first.value, 'ldml') : null;
        return format === null ? null : { text: `${wrap(current)}|format_date(${literal(format)})`, atomic: true };
      }
      case 'append':
        return written[0] ? { text: `${current.text} ~ ${wrap(written[0])}`, atomic: false } : null;
      case 'prepend':
        return written[0] ? { text: `${wrap(written[0])} ~ ${current.text}`, atomic: false } : null;
      default: {
        const name = RENAMED[f.name];
        if (!name) return null;
        return {
          text: `${wrap(current)}|${name}${written.length > 0 ? `(${written.map((arg) => arg.text).join(', ')})` : ''}`,
          atomic: true,
        };
      }
    }
  };

  const value = (expr: ValueExpr, at: At): Expr | null => {
    let current = operand(expr.base);
    if (current === null) {
      context.warn(
        at,
        `HubSpot cannot read ${describe(expr.base)}${expr.base.kind === 'unsupported' ? ` (${expr.base.reason})` : ''}; it is left out.`,
      );
      return null;
    }
    for (const f of expr.filters) {
      const next = filter(current, f, at);
      if (next === null) context.warn(at, `HubL has no equivalent of the ${f.text} filter; the value is written without it.`);
      else current = next;
    }
    return current;
  };

  const isNumber = (o: Operand) => o.kind === 'literal' && typeof o.value === 'number';
  const isBoolean = (o: Operand) => o.kind === 'literal' && typeof o.value === 'boolean';
  const condition = conditionWriter({
    operand: (o: Operand) => operand(o),
    // Parentheses keep Liquid's grouping (right to left) whatever HubL's precedence is.
    junction: (kind) => (left, right) => `(${left} ${kind} ${right})`,
    compare: (op, left, right, cond) => {
      // A contact property is text ("true" / "false"): compared with a boolean, HubL's EL would read an unset
      // property that comes as "" as false; the text matches exactly what the audience CSV carries.
      if (isBoolean(cond.left) !== isBoolean(cond.right) && (isBoolean(cond.left) ? cond.right : cond.left).kind !== 'literal') {
        const [value, flag] = isBoolean(cond.left) ? [right, cond.left] : [left, cond.right];
        return `${value.text} ${op} ${literal(flag.kind === 'literal' && flag.value === true ? 'true' : 'false')}`;
      }
      // Contact properties may arrive as text: compare with a number as a number.
      const l = isNumber(cond.right) && !isNumber(cond.left) ? `${wrap(left)}|float` : left.text;
      const r = isNumber(cond.left) && !isNumber(cond.right) ? `${wrap(right)}|float` : right.text;
      return `${l} ${op} ${r}`;
    },
    contains: (left, right) => `${wrap(right)} in ${wrap(left)}`,
    test: (kind, subject) => `${kind === 'blank' ? 'not ' : ''}${wrap(subject)}`,
    not: (_operand, inner) => {
      const text = inner();
      return text ? `not (${text})` : null;
    },
    constant: (value) => (value ? 'true' : 'false'),
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
        return text === null ? '' : `{{ ${text.text} }}`;
      }
      case 'assign': {
        const text = value(node.value, node.at);
        return text === null ? '' : `{% set ${node.name} = ${text.text} %}`;
      }
      case 'if':
        warnOnce(
          'programmable',
          node.at,
          'HubSpot runs conditions on contact properties only in modules with programmable email enabled [H3].',
        );
        return writeIf(node, { condition: (cond) => condition(cond, node.at), write, writeNode, context }, HUBL_CHAIN);
      case 'for':
        return writeFor(node);
      case 'unsupported':
        context.warn(node.at, `HubSpot: ${node.reason}; it is left out.`);
        return '';
    }
  };

  const writeFor = (node: Extract<Node, { kind: 'for' }>): string => {
    const collection = loopCollection(node, (o) => operand(o)?.text ?? null, 'HubSpot', context);
    if (collection === null) return '';
    let over = node.collection.kind === 'field' ? `${collection}|split(';')` : collection;
    if (node.reversed) over = `${over}|reverse`;
    let body = write(node.body);
    if (node.limit !== null || node.offset !== null) {
      // A guard on loop.index keeps exactly the items Liquid's offset and limit keep.
      const from = node.offset ?? 0;
      const tests = [from > 0 ? `loop.index > ${from}` : '', node.limit === null ? '' : `loop.index <= ${from + node.limit}`].filter(
        Boolean,
      );
      body = `{% if ${tests.join(' and ')} %}${body}{% endif %}`;
      if (node.reversed) context.warn(node.at, 'HubSpot: reversed is applied before limit and offset here, after them in Liquid.');
    }
    const otherwise = node.otherwise.length > 0 ? `{% else %}${write(node.otherwise)}` : '';
    return `{% for ${node.variable} in ${over} %}${body}${otherwise}{% endfor %}`;
  };

  return write(nodes);
}
