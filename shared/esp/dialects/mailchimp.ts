import { constantText, type DialectContext, describe, isNumericCast, splitDefault, nativeOutput, describeCond } from './context';
import type { At, Branch, Cond, Filter, Node, Operand, ValueExpr } from './ir';
import { lowerIf, pushNot } from './lower-if';
import { Assignments } from './substitute';
import { derivedExpression } from './derived';

/**
 * Mailchimp: merge tags and conditional merge tags [M1][M2].
 *
 * Emitted subset: `*|FNAME|*`; a fallback as `*|IF:FNAME|**|FNAME|**|ELSE:|*there*|END:IF|*`
 * [M2]; one modifier per tag, `*|UPPER:T|*`, `*|LOWER:T|*`, `*|TITLE:T|*`,
 * `*|URL:T|*` [M10]; `*|IF:T|*`, `*|IFNOT:T|*`, `*|IF:T=v|*`, `*|IF:T!=v|*`,
 * `*|IF:T>=v|*` (and `>`, `<`, `<=`), `*|ELSEIF:…|*`, `*|ELSE:|*`,
 * `*|END:IF|*`, nested [M2]. Merge tags have no and/or, no loops, no variables
 * and no arithmetic: and/or become nested IFs (`lower-if.ts`), an assigned name
 * is replaced by its value, a constant is computed now, an output merge tags
 * cannot compute (a date format, `1000 | minus: points`) becomes the tag of a
 * derived attribute Tailor fills per contact in the audience CSV
 * (`derived.ts`, an info warning says so), and everything else (loops,
 * `contains` on a field, a value read from a loop) is left out with a warning.
 */

const MODIFIERS: Readonly<Record<string, string>> = { upcase: 'UPPER', downcase: 'LOWER', capitalize: 'TITLE', url_encode: 'URL' };

type Tested = { tag: string; op: '=' | '!=' | '>' | '<' | '>=' | '<=' | null; value: string; negated: boolean };

export function writeMailchimp(nodes: readonly Node[], context: DialectContext): string {
  const assignments = new Assignments();
  const once = new Set<string>();
  const warnOnce = (key: string, at: At, message: string) => {
    if (once.has(key)) return;
    once.add(key);
    context.warn(at, message);
  };

  /** The merge tag an operand reads, when it is a field (possibly through an assigned name and numeric casts). */
  const tagOf = (o: Operand): string | null => {
    const resolved = assignments.resolve(o);
    if (resolved.base.kind !== 'field' || !resolved.filters.every(isNumericCast)) return null;
    return context.attribute(resolved.base.token);
  };

  const valueText = (o: Operand): string | null => {
    if (o.kind !== 'literal' || o.value === null) return null;
    const text = String(o.value);
    return /[|*]/.test(text) ? null : text;
  };

  const tested = (cond: Cond): Tested | null => {
    switch (cond.kind) {
      case 'present':
      case 'blank': {
        const tag = tagOf(cond.operand);
        return tag ? { tag, op: null, value: '', negated: cond.kind === 'blank' } : null;
      }
      case 'compare': {
        let [subject, other, op] = [cond.left, cond.right, cond.op as string];
        if (subject.kind === 'literal') {
          const flip: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' };
          [subject, other, op] = [cond.right, cond.left, flip[op] ?? op];
        }
        const tag = tagOf(subject);
        const value = valueText(other);
        if (!tag || value === null) return null;
        // Not true is false or no value at all: IFNOT over `=`, which an empty field never matches.
        if (op === '!=' && other.kind === 'literal' && typeof other.value === 'boolean') return { tag, op: '=', value, negated: true };
        return { tag, op: op === '==' ? '=' : (op as Tested['op']), value, negated: false };
      }
      default:
        return null;
    }
  };

  const tagText = (t: Tested): string => (t.op === null ? t.tag : `${t.tag}${t.op}${t.value}`);

  /** A field through numeric casts and one modifier (a merge tag takes one), with a constant or field fallback: what a merge tag writes itself. */
  const expressible = (base: Operand, filters: readonly Filter[], fallback: Operand | null): boolean =>
    base.kind === 'field' &&
    filters.every((f) => isNumericCast(f) || MODIFIERS[f.name] !== undefined) &&
    filters.filter((f) => !isNumericCast(f)).length <= 1 &&
    (fallback === null || fallback.kind === 'field' || constantText(fallback, [], context) !== null);

  const output = (expr: ValueExpr, at: At): string => {
    const resolved = assignments.resolveValue(expr);
    const constant = constantText(resolved.base, resolved.filters, context);
    if (constant !== null) return constant;
    const { before, fallback, after } = splitDefault(resolved);
    if (!expressible(resolved.base, [...before, ...after], fallback)) {
      const expression = derivedExpression(resolved, (operand) => assignments.resolve(operand));
      if (expression !== null) {
        const derived = context.derived(expression);
        context.warn(
          at,
          `Mailchimp merge tags cannot compute {{ ${expression} }}; it is precomputed per contact in the audience CSV as *|${derived}|* (export the audience with this template).`,
          'info',
        );
        return `*|${derived}|*`;
      }
    }
    const tag = resolved.base.kind === 'field' ? context.attribute(resolved.base.token) : null;
    if (tag === null) {
      context.warn(
        at,
        resolved.base.kind === 'literal'
          ? 'Mailchimp merge tags cannot compute this value; it is left out.'
          : `Mailchimp has no merge tag for ${describe(resolved.base)}; it is left out.`,
      );
      return '';
    }
    let modifier: string | null = null;
    for (const f of [...before, ...after]) {
      if (isNumericCast(f)) continue;
      const name = MODIFIERS[f.name];
      if (!name || modifier) {
        context.warn(
          at,
          name
            ? `Mailchimp takes one modifier per merge tag; ${f.text} is not applied.`
            : `Mailchimp has no modifier for the ${f.text} filter; the value is written without it.`,
        );
        continue;
      }
      if (name === 'TITLE') warnOnce('title', at, 'Mailchimp TITLE capitalizes every word; Liquid capitalize only the first.');
      if (name === 'URL')
        warnOnce('url', at, "Mailchimp's URL modifier is not in Mailchimp's documentation reached; check the encoded link in a test send.");
      modifier = name;
    }
    const merge = `*|${modifier ? `${modifier}:` : ''}${tag}|*`;
    if (!fallback) return merge;
    const fallbackText = fallbackOf(fallback, after, at);
    return `*|IF:${tag}|*${merge}*|ELSE:|*${fallbackText}*|END:IF|*`;
  };

  const fallbackOf = (fallback: Operand, after: readonly Filter[], at: At): string => {
    const constant = constantText(fallback, after, context);
    if (constant !== null) return constant;
    if (fallback.kind === 'field') return `*|${context.attribute(fallback.token)}|*`;
    context.warn(at, `Mailchimp cannot write the fallback ${describe(fallback)}; it is left empty.`);
    return '';
  };

  const write = (list: readonly Node[]): string => list.map(writeNode).join('');

  const writeNode = (node: Node): string => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'output':
        return nativeOutput(node.value, node.at, context) ?? output(node.value, node.at);
      case 'assign':
        assignments.set(node.name, node.value);
        return '';
      case 'if': {
        const branches = node.branches.map((branch) => ({ ...branch, cond: pushNot(branch.cond) }));
        const lowered = lowerIf(
          branches,
          node.otherwise,
          (cond) => tested(cond) !== null,
          (branch) => context.warn(branch.at, `Mailchimp cannot test ${describeCond(branch.cond)}; this branch is left out.`),
        );
        return lowered
          .map((part) => (part.kind === 'if' && part.at === node.at ? writeChain(part.branches, part.otherwise, node.at) : writeNode(part)))
          .join('');
      }
      case 'for':
        context.warn(
          node.at,
          'Mailchimp merge tags have no loops; the loop is left out (put the list in a text field of the audience instead).',
        );
        return '';
      case 'unsupported':
        context.warn(node.at, `Mailchimp: ${node.reason}; it is left out.`);
        return '';
    }
  };

  /** `IFNOT` only opens a block, so a negated test after the first branch nests a new block in the ELSE. */
  const writeChain = (branches: readonly Branch[], otherwise: readonly Node[], at: At): string => {
    const [first, ...rest] = branches;
    if (!first) return write(otherwise);
    const open = tested(first.cond);
    if (!open) return '';
    if (open.op !== null && open.op !== '=' && open.op !== '!=') {
      warnOnce(
        'ordering',
        at,
        'Mailchimp documents only = and != in conditional merge tags; >, <, >= and <= come from a third-party parser [M10].',
      );
    }
    let out = `*|${open.negated ? 'IFNOT' : 'IF'}:${tagText(open)}|*${write(first.body)}`;
    let index = 0;
    for (; index < rest.length; index++) {
      const branch = rest[index];
      const test = branch ? tested(branch.cond) : null;
      if (!branch || !test || test.negated) break;
      out += `*|ELSEIF:${tagText(test)}|*${write(branch.body)}`;
    }
    const remaining = rest.slice(index);
    if (remaining.length > 0) out += `*|ELSE:|*${writeChain(remaining, otherwise, at)}`;
    else if (otherwise.length > 0) out += `*|ELSE:|*${write(otherwise)}`;
    return `${out}*|END:IF|*`;
  };

  return write(nodes);
}
