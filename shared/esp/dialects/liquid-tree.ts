import {
  type Expression,
  type FilteredValueToken,
  type Hash,
  type Liquid,
  type Template,
  type Token,
  Tokenizer,
  TypeGuards,
  type Value,
  type ValueToken,
} from 'liquidjs';
import { toSnakeKey } from '../../fields/naming';
import {
  type At,
  type Branch,
  type Cond,
  type Filter,
  type Node,
  type Operand,
  SEGMENT_MEMBER_VALUE,
  segmentToken,
  type ValueExpr,
} from './ir';

/**
 * Reads liquidjs' parsed templates into the converters' tree (`ir.ts`). It
 * resolves every variable once: Tailor's spellings of a field (`first_name`,
 * `FirstName`, `customer.first_name`, `computed.rfm_tier`) become one token,
 * loop variables and assigned names stay local, and
 * `customer.segments contains 'VIP'` becomes a test of the segment's attribute.
 */

const NAMESPACES = new Set(['customer', 'computed']);
const SEGMENTS = 'segments';
/** Liquid's special property names, read as the filter of the same name. */
const PROPERTY_FILTERS = new Set(['size', 'first', 'last']);

type Special = 'blank' | 'empty' | 'nil';

interface Scope {
  /** Loop variables, innermost last. */
  loops: string[];
  /** Names set by `assign` so far (Liquid assigns are global from their tag on). */
  assigned: Set<string>;
}

const atOf = (token: Token): At => {
  const [line] = token.getPosition();
  return { line: line ?? null, construct: token.getText() };
};

function tokenText(token: Token | undefined): string {
  return token ? token.getText() : '';
}

/** A path segment as written: `a`, `"c d"`, `0`; null when it is computed from a variable. */
function propertyName(token: ValueToken | Token): string | null {
  if (TypeGuards.isWordToken(token)) return token.content;
  if (TypeGuards.isQuotedToken(token)) return token.content;
  if (TypeGuards.isNumberToken(token)) return String(token.content);
  return null;
}

function specialLiteral(token: Token): Special | null {
  if (!TypeGuards.isLiteralToken(token)) return null;
  const text = token.getText();
  if (text === 'blank' || text === 'empty') return text;
  if (text === 'nil' || text === 'null') return 'nil';
  return null;
}

function operandOf(token: Token, scope: Scope): Operand {
  if (TypeGuards.isQuotedToken(token)) return { kind: 'literal', value: token.content };
  if (TypeGuards.isNumberToken(token)) return { kind: 'literal', value: token.content };
  if (TypeGuards.isLiteralToken(token)) {
    const text = token.getText();
    if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true' };
    return { kind: 'literal', value: null };
  }
  if (TypeGuards.isRangeToken(token)) return { kind: 'unsupported', text: token.getText(), reason: 'ranges have no equivalent' };
  if (!TypeGuards.isPropertyAccessToken(token) || token.variable !== undefined) {
    return { kind: 'unsupported', text: token.getText(), reason: 'only variables, strings and numbers are converted' };
  }
  const path: string[] = [];
  for (const prop of token.props) {
    const name = propertyName(prop);
    if (name === null) return { kind: 'unsupported', text: token.getText(), reason: 'a key computed from a variable has no equivalent' };
    path.push(name);
  }
  return resolvePath(path, token.getText(), scope);
}

function resolvePath(path: string[], text: string, scope: Scope): Operand {
  const [root, ...rest] = path;
  if (root === undefined) return { kind: 'unsupported', text, reason: 'an empty variable' };
  const loop = scope.loops[scope.loops.length - 1];
  if (root === 'forloop' && loop !== undefined && rest.length === 1 && rest[0] !== undefined) {
    return { kind: 'forloop', loop, property: rest[0] };
  }
  if (scope.loops.includes(root) || scope.assigned.has(root)) return { kind: 'local', name: root, path: rest };
  const [name, ...extra] = NAMESPACES.has(root) && rest.length > 0 ? rest : path;
  if (name === undefined) return { kind: 'unsupported', text, reason: 'an empty variable' };
  if (extra.length > 0) return { kind: 'unsupported', text, reason: 'customer fields have no properties' };
  const token = toSnakeKey(name) || name;
  return { kind: 'field', token };
}

/** A path read with `.size` / `.first` / `.last` is the same as the filter. */
function valueOfToken(token: Token, scope: Scope): ValueExpr {
  if (TypeGuards.isPropertyAccessToken(token) && token.variable === undefined && token.props.length > 1) {
    const last = token.props[token.props.length - 1];
    const name = last ? propertyName(last) : null;
    if (name !== null && PROPERTY_FILTERS.has(name)) {
      const base = token.props.slice(0, -1).map(propertyName);
      if (base.every((part): part is string => part !== null)) {
        const resolved = resolvePath(base, token.getText(), scope);
        if (resolved.kind === 'field' || (resolved.kind === 'local' && resolved.path.length === 0)) {
          return { base: resolved, filters: [{ name, args: [], text: name }] };
        }
      }
    }
  }
  return { base: operandOf(token, scope), filters: [] };
}

interface RawFilter {
  name: string;
  args: readonly unknown[];
}

function filtersOf(filters: readonly RawFilter[], scope: Scope): Filter[] {
  return filters.map((filter) => {
    const args: Operand[] = [];
    const texts: string[] = [];
    for (const arg of filter.args) {
      if (Array.isArray(arg)) {
        // `key: value` arguments (none of the filters the dialects map take them).
        const [key, value] = arg as [string | undefined, Token | undefined];
        args.push({ kind: 'unsupported', text: `${key ?? ''}: ${tokenText(value)}`, reason: 'named filter arguments have no equivalent' });
        texts.push(`${key ?? ''}: ${tokenText(value)}`);
      } else {
        args.push(operandOf(arg as Token, scope));
        texts.push(tokenText(arg as Token));
      }
    }
    return { name: filter.name, args, text: texts.length > 0 ? `${filter.name}: ${texts.join(', ')}` : filter.name };
  });
}

function valueOf(initial: Expression, filters: readonly RawFilter[], scope: Scope, text: string): ValueExpr {
  const converted = filtersOf(filters, scope);
  const [only, ...more] = initial.postfix;
  if (only === undefined || more.length > 0) {
    return { base: { kind: 'unsupported', text, reason: 'an expression with operators cannot be output' }, filters: converted };
  }
  const value = valueOfToken(only, scope);
  return { base: value.base, filters: [...value.filters, ...converted] };
}

const fromValue = (value: Value, scope: Scope, text: string): ValueExpr => valueOf(value.initial, value.filters, scope, text);
const fromFiltered = (token: FilteredValueToken, scope: Scope): ValueExpr => valueOf(token.initial, token.filters, scope, token.getText());

type Tree = { token: Token } | { op: 'not'; operand: Tree } | { op: string; left: Tree; right: Tree };

function treeOf(expression: Expression): Tree | null {
  const stack: Tree[] = [];
  for (const token of expression.postfix) {
    if (TypeGuards.isOperatorToken(token)) {
      if (token.operator === 'not') {
        const operand = stack.pop();
        if (!operand) return null;
        stack.push({ op: 'not', operand });
      } else {
        const right = stack.pop();
        const left = stack.pop();
        if (!left || !right) return null;
        stack.push({ op: token.operator, left, right });
      }
    } else stack.push({ token });
  }
  return stack.length === 1 ? (stack[0] ?? null) : null;
}

function condOf(tree: Tree, scope: Scope, text: string): Cond {
  if ('token' in tree) {
    const special = specialLiteral(tree.token);
    if (special) return { kind: 'constant', value: false };
    const operand = operandOf(tree.token, scope);
    if (operand.kind === 'literal') return { kind: 'constant', value: operand.value !== null && operand.value !== false };
    return { kind: 'present', operand };
  }
  if (tree.op === 'not' && 'operand' in tree) return { kind: 'not', operand: condOf(tree.operand, scope, text) };
  if (!('left' in tree)) return { kind: 'unsupported', text, reason: 'an unreadable condition' };
  const { op, left, right } = tree;
  if (op === 'and' || op === 'or') return { kind: op, left: condOf(left, scope, text), right: condOf(right, scope, text) };
  if (!('token' in left) || !('token' in right)) return { kind: 'unsupported', text, reason: 'a comparison of comparisons' };
  const leftSpecial = specialLiteral(left.token);
  const rightSpecial = specialLiteral(right.token);
  if ((op === '==' || op === '!=') && (leftSpecial || rightSpecial)) {
    if (leftSpecial && rightSpecial) return { kind: 'constant', value: op === '==' };
    const operand = operandOf(leftSpecial ? right.token : left.token, scope);
    const blank: Cond = { kind: 'blank', operand };
    return op === '==' ? blank : { kind: 'not', operand: blank };
  }
  if (leftSpecial || rightSpecial) return { kind: 'unsupported', text, reason: `${op} against blank or nil` };
  const a = operandOf(left.token, scope);
  const b = operandOf(right.token, scope);
  if (op === 'contains') {
    // Segment membership: the audience CSV carries it as a plain attribute.
    if (a.kind === 'field' && a.token === SEGMENTS) {
      if (b.kind === 'literal' && typeof b.value === 'string') {
        return {
          kind: 'compare',
          op: '==',
          left: { kind: 'field', token: segmentToken(b.value) },
          right: { kind: 'literal', value: SEGMENT_MEMBER_VALUE },
        };
      }
      return { kind: 'unsupported', text, reason: 'segment membership is converted only for a segment named in quotes' };
    }
    return { kind: 'contains', left: a, right: b };
  }
  if (op === '==' || op === '!=' || op === '>' || op === '<' || op === '>=' || op === '<=')
    return { kind: 'compare', op, left: a, right: b };
  if (op === '<>') return { kind: 'compare', op: '!=', left: a, right: b };
  return { kind: 'unsupported', text, reason: `the operator ${op}` };
}

function conditionOf(value: Value, scope: Scope, text: string): Cond {
  if (value.filters.length > 0) return { kind: 'unsupported', text, reason: 'filters in a condition' };
  const tree = treeOf(value.initial);
  return tree ? condOf(tree, scope, text) : { kind: 'unsupported', text, reason: 'an unreadable condition' };
}

/** The tags of liquidjs' built-in classes this reader relies on, read structurally. */
interface IfLike {
  branches: { value: Value; templates: Template[] }[];
  elseTemplates?: Template[] | undefined;
}
interface CaseLike {
  value: Value;
  branches: { values: (ValueToken | FilteredValueToken)[]; templates: Template[] }[];
  elseTemplates: Template[];
}
interface ForLike {
  variable: string;
  collection: ValueToken | FilteredValueToken;
  hash: Hash;
  templates: Template[];
  elseTemplates: Template[];
}

const UNSUPPORTED_TAGS: Readonly<Record<string, string>> = {
  capture: 'capture has no equivalent in this conversion',
  cycle: 'cycle has no equivalent',
  tablerow: 'tablerow has no equivalent',
  increment: 'counters have no equivalent',
  decrement: 'counters have no equivalent',
  include: 'partials are not inlined',
  render: 'partials are not inlined',
  layout: 'layouts are not inlined',
  block: 'layouts are not inlined',
  break: 'break has no equivalent',
  continue: 'continue has no equivalent',
  liquid: 'the liquid tag is not converted',
};

function readHashNumber(hash: Hash, key: string): number | null | 'dynamic' {
  if (!(key in hash.hash)) return null;
  const token = hash.hash[key];
  if (token && TypeGuards.isNumberToken(token)) return token.content;
  return 'dynamic';
}

function readTemplates(templates: readonly Template[], scope: Scope): Node[] {
  const nodes: Node[] = [];
  for (const template of templates) nodes.push(...readTemplate(template, scope));
  return nodes;
}

function readTemplate(template: Template, scope: Scope): Node[] {
  const token = template.token;
  if (TypeGuards.isHTMLToken(token)) return [{ kind: 'text', text: token.getContent() }];
  const at = atOf(token);
  if (TypeGuards.isOutputToken(token)) {
    const value = (template as unknown as { value: Value }).value;
    return [{ kind: 'output', value: fromValue(value, scope, at.construct), at }];
  }
  if (!TypeGuards.isTagToken(token)) return [{ kind: 'unsupported', at, reason: 'an unknown construct' }];
  switch (token.name) {
    case 'if':
    case 'unless': {
      const tag = template as unknown as IfLike;
      const branches: Branch[] = tag.branches.map((branch, index) => {
        const cond = conditionOf(branch.value, scope, at.construct);
        return {
          cond: token.name === 'unless' && index === 0 ? { kind: 'not', operand: cond } : cond,
          body: readTemplates(branch.templates, scope),
          at,
        };
      });
      return [{ kind: 'if', branches, otherwise: readTemplates(tag.elseTemplates ?? [], scope), at }];
    }
    case 'case': {
      const tag = template as unknown as CaseLike;
      const subject = fromValue(tag.value, scope, at.construct);
      const branches: Branch[] = tag.branches.map((branch) => {
        const tests: Cond[] = branch.values.map((value) =>
          subject.filters.length > 0 || TypeGuards.isFilteredValueToken(value)
            ? { kind: 'unsupported', text: at.construct, reason: 'filters in a case' }
            : { kind: 'compare', op: '==', left: subject.base, right: operandOf(value, scope) },
        );
        const cond = tests.reduce<Cond | null>((all, test) => (all ? { kind: 'or', left: all, right: test } : test), null);
        return { cond: cond ?? { kind: 'constant', value: false }, body: readTemplates(branch.templates, scope), at };
      });
      return [{ kind: 'if', branches, otherwise: readTemplates(tag.elseTemplates, scope), at }];
    }
    case 'for': {
      const tag = template as unknown as ForLike;
      const collection = TypeGuards.isFilteredValueToken(tag.collection)
        ? ({ kind: 'unsupported', text: tag.collection.getText(), reason: 'filters on a loop collection' } as const)
        : operandOf(tag.collection, scope);
      const limit = readHashNumber(tag.hash, 'limit');
      const offset = readHashNumber(tag.hash, 'offset');
      const inner: Scope = { loops: [...scope.loops, tag.variable], assigned: scope.assigned };
      const node: Node = {
        kind: 'for',
        variable: tag.variable,
        collection:
          limit === 'dynamic' || offset === 'dynamic'
            ? { kind: 'unsupported', text: at.construct, reason: 'a limit or offset read from a variable' }
            : collection,
        limit: limit === 'dynamic' ? null : limit,
        offset: offset === 'dynamic' ? null : offset,
        reversed: 'reversed' in tag.hash.hash,
        body: readTemplates(tag.templates, inner),
        otherwise: readTemplates(tag.elseTemplates, scope),
        at,
      };
      return [node];
    }
    case 'assign': {
      const tokenizer = new Tokenizer(token.args);
      const name = tokenizer.readIdentifier().content;
      tokenizer.skipBlank();
      tokenizer.advance();
      const value = fromFiltered(tokenizer.readFilteredValue(), scope);
      scope.assigned.add(name);
      return [{ kind: 'assign', name, value, at }];
    }
    case 'echo': {
      const tokenizer = new Tokenizer(token.args);
      return [{ kind: 'output', value: fromFiltered(tokenizer.readFilteredValue(), scope), at }];
    }
    case 'raw': {
      // The raw tag keeps its content as the tokens it swallowed; their text is the content.
      const tokens = (template as unknown as { tokens?: Token[] }).tokens;
      return tokens
        ? [{ kind: 'text', text: tokens.map((t) => t.getText()).join('') }]
        : [{ kind: 'unsupported', at, reason: 'raw blocks are not converted' }];
    }
    case 'comment':
    case '#':
      // Comments are notes to the author, not content: leaving them out loses nothing the recipient sees.
      return [];
    default:
      return [{ kind: 'unsupported', at, reason: UNSUPPORTED_TAGS[token.name] ?? `the tag "${token.name}" has no equivalent` }];
  }
}

/** Parses Liquid-bearing HTML with Tailor's own Liquid setup and reads it into the converters' tree. */
export function readLiquid(liquid: Liquid, html: string): Node[] {
  return readTemplates(liquid.parse(html), { loops: [], assigned: new Set() });
}
