import { conditionWriter, curlyChain, loopCollection, writeIf } from './blocks';
import { type DialectContext, describe, splitDefault, nativeOutput } from './context';
import { BRAZE_STANDARD } from './field-map';
import type { At, Filter, Literal, Node, Operand, ValueExpr } from './ir';

/**
 * Braze: Shopify Liquid with its own attribute references [B3][B11].
 *
 * Emitted subset: `{{${first_name} | default: 'x'}}` for standard attributes,
 * `custom_attribute.${name}` for the rest (bare inside tags, as [B11] allows);
 * `{% if %}` / `{% elsif %}` / `{% else %}` with `==`, `!=`, `<`, `>`, `<=`,
 * `>=`, `contains`, `and`, `or`, `== blank`, `!= blank`; `{% for %}` over a
 * list first assigned to a local (`{% assign x = custom_attribute.${…} %}`,
 * the form brazejs and Braze both run), with `limit:`, `offset:`, `reversed`
 * and `{% else %}`; `{% assign %}`; Liquid filters by their own names.
 * Liquid's `not` is not Shopify Liquid: negations become `!=`, `== blank` or
 * swapped branches (`lower-if.ts`).
 */

/** Filters Braze documents as not supported [B6]. */
const UNSUPPORTED_FILTERS = new Set([
  'money_with_currency',
  'money_without_currency',
  'pluralize',
  'camelcase',
  'handleize',
  'lstrip',
  'rstrip',
]);

const IDENTIFIER = /^[A-Za-z_][\w-]*$/;

export function literal(value: Literal): string {
  if (value === null) return 'nil';
  if (typeof value !== 'string') return String(value);
  return value.includes("'") ? `"${value}"` : `'${value}'`;
}

const LIQUID_CHAIN = curlyChain('Braze', 'elsif', 'false');

export function writeBraze(nodes: readonly Node[], context: DialectContext): string {
  const once = new Set<string>();
  let helpers = 0;

  const reference = (operand: Operand): string | null => {
    switch (operand.kind) {
      case 'literal':
        if (typeof operand.value === 'string' && operand.value.includes("'") && operand.value.includes('"')) return null;
        return literal(operand.value);
      case 'field': {
        const name = context.attribute(operand.token);
        // Braze's import calls the id column external_id; templates read it as ${user_id} [B3].
        if (name === 'external_id') return '${user_id}';
        return BRAZE_STANDARD.has(name) ? `\${${name}}` : `custom_attribute.\${${name}}`;
      }
      case 'local':
        return [operand.name, ...operand.path.map((part) => (IDENTIFIER.test(part) ? `.${part}` : `[${literal(part)}]`))].join('');
      case 'forloop':
        return `forloop.${operand.property}`;
      case 'unsupported':
        return null;
    }
  };

  /** Braze reads one attribute per output or filter chain [B11]: an attribute in a filter argument is assigned first. */
  const filterText = (filter: Filter, prefix: string[]): string | null => {
    const args: string[] = [];
    for (const arg of filter.args) {
      let text = reference(arg);
      if (text === null) return null;
      if (arg.kind === 'field') {
        const name = `tailor_arg_${++helpers}`;
        prefix.push(`{% assign ${name} = ${text} %}`);
        text = name;
      }
      args.push(text);
    }
    return args.length > 0 ? `${filter.name}: ${args.join(', ')}` : filter.name;
  };

  const value = (expr: ValueExpr, node: { at: At }, prefix: string[]): string | null => {
    const base = reference(expr.base);
    if (base === null) {
      context.warn(
        node.at,
        `Braze cannot read ${describe(expr.base)}${expr.base.kind === 'unsupported' ? ` (${expr.base.reason})` : ''}; it is left out.`,
      );
      return null;
    }
    const parts = [base];
    for (const filter of expr.filters) {
      if (UNSUPPORTED_FILTERS.has(filter.name)) {
        context.warn(node.at, `Braze does not support the ${filter.name} filter; the value is written without it.`);
        continue;
      }
      const text = filterText(filter, prefix);
      if (text === null) {
        context.warn(node.at, `Braze cannot read an argument of ${filter.name}; the value is written without this filter.`);
        continue;
      }
      parts.push(text);
    }
    if (splitDefault(expr).fallback && !once.has('default')) {
      once.add('default');
      context.warn(
        node.at,
        'Braze shows a value made only of spaces instead of the default, where Tailor treats it as empty (this applies to every default in the template) [B2].',
      );
    }
    return parts.join(' | ');
  };

  /** In conditions Braze's own examples wrap an attribute in braces: `{% if {{custom_attribute.${total_spend}}} > 0 %}` [B5][B11]. */
  const inTag = (o: Operand): string | null => {
    const text = reference(o);
    return text !== null && o.kind === 'field' ? `{{${text}}}` : text;
  };

  const condition = conditionWriter({
    operand: inTag,
    junction: (kind) => (left, right) => `${left} ${kind} ${right}`,
    compare: (op, left, right) => `${left} ${op} ${right}`,
    contains: (left, right) => `${left} contains ${right}`,
    test: (kind, subject) => `${subject} ${kind === 'present' ? '!=' : '=='} blank`,
    // Braze Liquid has no `not` [B5]: lowerIf swaps the branches instead.
    not: () => null,
    constant: () => null,
  });

  const write = (list: readonly Node[]): string => list.map(writeNode).join('');

  // Braze wants Liquid inside <body> [B11]: the subject and preheader have fields of their own.
  let inBody = !nodes.some((node) => node.kind === 'text' && /<body[\s>]/i.test(node.text));
  const outsideBody = (at: At) => {
    if (inBody || once.has('head')) return;
    once.add('head');
    context.warn(at, "Braze renders Liquid outside <body> inconsistently; set the subject and preheader in Braze's own fields [B11].");
  };

  const writeNode = (node: Node): string => {
    if (node.kind !== 'text') outsideBody(node.at);
    switch (node.kind) {
      case 'text':
        if (/<body[\s>]/i.test(node.text)) inBody = true;
        return node.text;
      case 'output': {
        const native = nativeOutput(node.value, node.at, context);
        if (native !== null) return native;
        const prefix: string[] = [];
        const text = value(node.value, node, prefix);
        if (text === null) return '';
        // As Braze writes it: `Hi {{ ${first_name} | default: 'Valued User' }}` [B2].
        return `${prefix.join('')}{{ ${text} }}`;
      }
      case 'assign': {
        const prefix: string[] = [];
        const text = value(node.value, node, prefix);
        return text === null ? '' : `${prefix.join('')}{% assign ${node.name} = ${text} %}`;
      }
      case 'if':
        return writeIf(node, { condition: (cond) => condition(cond, node.at), write, writeNode, context }, LIQUID_CHAIN);
      case 'for':
        return writeFor(node);
      case 'unsupported':
        context.warn(node.at, `Braze: ${node.reason}; it is left out.`);
        return '';
    }
  };

  const writeFor = (node: Extract<Node, { kind: 'for' }>): string => {
    const collection = loopCollection(node, reference, 'Braze', context);
    if (collection === null) return '';
    let prefix = '';
    let over = collection;
    if (node.collection.kind === 'field') {
      // `{% for x in {{custom_attribute.${list}}} %}` fails in brazejs; assigning the list first works in both.
      over = `${node.variable}_list`;
      prefix = `{% assign ${over} = ${collection} %}`;
    }
    const options = [
      node.limit === null ? '' : ` limit: ${node.limit}`,
      node.offset === null ? '' : ` offset: ${node.offset}`,
      node.reversed ? ' reversed' : '',
    ].join('');
    const otherwise = node.otherwise.length > 0 ? `{% else %}${write(node.otherwise)}` : '';
    return `${prefix}{% for ${node.variable} in ${over}${options} %}${write(node.body)}${otherwise}{% endfor %}`;
  };

  return write(nodes);
}
