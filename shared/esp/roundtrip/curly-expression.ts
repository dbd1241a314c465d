import { RoundTripUnsupported } from './profile';

/**
 * Expressions of the two Jinja-family dialects (Klaviyo's Django templates
 * and HubSpot's HubL), compiled once to closures so a loop body is not parsed
 * again per item. Python semantics where they differ from Liquid: `None`,
 * `True`/`False`, truthiness of empty lists and strings.
 */

export type Value = string | number | boolean | null | undefined | readonly Value[] | ValueObject;
/** A dict the template can read with `.name`, `['name']` or `|lookup:'name'`. */
export interface ValueObject {
  readonly get: (name: string) => Value;
}

export const isObject = (value: Value): value is ValueObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'get' in value;

export type Scope = (name: string) => Value;
export type Compiled = (scope: Scope) => Value;

export interface ExpressionDialect {
  readonly name: string;
  /** `x|default:'y'` (Django) or `x|default('y', true)` (Jinja). */
  readonly filterArgs: 'colon' | 'parens';
  readonly filters: Readonly<Record<string, (value: Value, args: Value[]) => Value>>;
  readonly functions: Readonly<Record<string, (args: Value[]) => Value>>;
  /**
   * HubL runs on Jinjava, whose `==` follows Java EL coercion: with a boolean
   * on either side both compare as booleans (`'true' == true`), as contact
   * properties are text. Django compares as Python does.
   */
  readonly booleanCoercion?: boolean;
  /** How `if`, `not`, `and`, `or` and boolean coercion read a value; Python's truthiness when absent. */
  readonly truthy?: (value: Value) => boolean;
  /** Expression tests after `is` (HubL only). */
  readonly tests: Readonly<Record<string, (value: Value, args: Value[]) => boolean>>;
}

export const truthy = (value: Value): boolean => {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
};

/** The dialect's own truthiness. */
export const truthOf = (dialect: ExpressionDialect, value: Value): boolean => (dialect.truthy ?? truthy)(value);

const NUMERIC = /^-?\d+(\.\d+)?$/;
export const asNumber = (value: Value): number | null => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
};

/** How Python prints a value into the email. */
export function display(value: Value): string {
  if (value === undefined || value === null) return '';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) return `[${value.map((item: Value) => (typeof item === 'string' ? `'${item}'` : display(item))).join(', ')}]`;
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : '';
}

/** Equality as the ESP compares contact values: a number stored as text equals that number. */
function equal(a: Value, b: Value, booleans: ((value: Value) => boolean) | null = null): boolean {
  const none = (v: Value) => v === undefined || v === null;
  if (none(a) || none(b)) return none(a) && none(b);
  if (booleans && (typeof a === 'boolean' || typeof b === 'boolean')) return booleans(a) === booleans(b);
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    return x !== null && y !== null && x === y;
  }
  return a === b;
}

function order(a: Value, b: Value): number | null {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return x - y;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function contains(container: Value, item: Value): boolean {
  if (typeof container === 'string') return typeof item === 'string' && container.includes(item);
  if (Array.isArray(container)) return container.some((element: Value) => equal(element, item));
  if (isObject(container)) return typeof item === 'string' && container.get(item) !== undefined;
  return false;
}

type Token = { kind: 'num' | 'str' | 'name' | 'op'; text: string };
const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w]*)|(==|!=|<=|>=|[<>()[\].,|:~+\-*/%=]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) throw new RoundTripUnsupported(`Cannot read "${text.slice(at).trim()}"`, text);
    if (match[1] !== undefined) tokens.push({ kind: 'num', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'str', text: match[2].replace(/\\(.)/g, '$1') });
    else if (match[3] !== undefined) tokens.push({ kind: 'str', text: match[3].replace(/\\(.)/g, '$1') });
    else if (match[4] !== undefined) tokens.push({ kind: 'name', text: match[4] });
    else tokens.push({ kind: 'op', text: match[5] ?? '' });
  }
  return tokens;
}

const CONSTANTS: Record<string, Value> = { True: true, False: false, None: null, true: true, false: false, none: null };

/** Parses one expression (the inside of `{{ }}` or of a tag's condition). */
export function compileExpression(text: string, dialect: ExpressionDialect): Compiled {
  const tokens = tokenize(text);
  const isTrue = (value: Value): boolean => truthOf(dialect, value);
  const booleans = dialect.booleanCoercion ? isTrue : null;
  let at = 0;
  const peek = (offset = 0): Token | undefined => tokens[at + offset];
  const isOp = (op: string, offset = 0): boolean => peek(offset)?.kind === 'op' && peek(offset)?.text === op;
  const isWord = (word: string, offset = 0): boolean => peek(offset)?.kind === 'name' && peek(offset)?.text === word;
  const fail = (why: string): never => {
    throw new RoundTripUnsupported(`${dialect.name}: ${why} in "${text.trim()}"`, text.trim());
  };
  const expect = (op: string): void => {
    if (!isOp(op)) fail(`expected "${op}"`);
    at++;
  };

  const args = (): Compiled[] => {
    expect('(');
    const list: Compiled[] = [];
    while (!isOp(')')) {
      list.push(or());
      if (isOp(',')) at++;
      else if (!isOp(')')) fail('expected "," or ")"');
    }
    at++;
    return list;
  };

  const primary = (): Compiled => {
    const token = peek();
    if (!token) return fail('an expression ends too early');
    at++;
    if (token.kind === 'num') {
      const n = Number(token.text);
      return () => n;
    }
    if (token.kind === 'str') return () => token.text;
    if (token.kind === 'name') {
      if (token.text in CONSTANTS) {
        const constant = CONSTANTS[token.text];
        return () => constant;
      }
      if (isOp('(')) {
        const fn = dialect.functions[token.text];
        if (!fn) return fail(`unknown function ${token.text}()`);
        const list = args();
        return (scope) => fn(list.map((arg) => arg(scope)));
      }
      const name = token.text;
      return (scope) => scope(name);
    }
    if (token.text === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.text === '[') {
      const items: Compiled[] = [];
      while (!isOp(']')) {
        items.push(or());
        if (isOp(',')) at++;
      }
      at++;
      return (scope) => items.map((item) => item(scope));
    }
    return fail(`unexpected "${token.text}"`);
  };

  const member = (value: Value, name: Value): Value => {
    if (isObject(value)) return value.get(display(name));
    if (Array.isArray(value) && typeof name === 'number') return value[name] as Value;
    return undefined;
  };

  /** A Django filter argument: a literal, or a variable with its dotted path (`default:person.first_name`), no filters. */
  const dotted = (): Compiled => {
    let current = primary();
    while (isOp('.') && peek(1)?.kind === 'name') {
      const name = peek(1)?.text ?? '';
      at += 2;
      const base = current;
      current = (scope) => member(base(scope), name);
    }
    return current;
  };

  const postfix = (): Compiled => {
    let current = primary();
    for (;;) {
      if (isOp('.')) {
        at++;
        const name = peek();
        if (!name || name.kind !== 'name') return fail('expected a name after "."');
        at++;
        const base = current;
        current = (scope) => member(base(scope), name.text);
      } else if (isOp('[')) {
        at++;
        const key = or();
        expect(']');
        const base = current;
        current = (scope) => member(base(scope), key(scope));
      } else if (isOp('|')) {
        at++;
        const name = peek();
        if (!name || name.kind !== 'name') return fail('expected a filter name after "|"');
        at++;
        const filter = dialect.filters[name.text];
        if (!filter) return fail(`unknown filter "${name.text}"`);
        let list: Compiled[] = [];
        if (dialect.filterArgs === 'colon' && isOp(':')) {
          at++;
          // A Django filter argument is one literal or variable; a sign belongs to a number (`multiply:-1`).
          if (isOp('-') && peek(1)?.kind === 'num') {
            at++;
            const n = -Number(peek()?.text);
            at++;
            list = [() => n];
          } else list = [dotted()];
        } else if (dialect.filterArgs === 'parens' && isOp('(')) list = args();
        const base = current;
        current = (scope) =>
          filter(
            base(scope),
            list.map((arg) => arg(scope)),
          );
      } else return current;
    }
  };

  const unary = (): Compiled => {
    if (isOp('-')) {
      at++;
      const inner = unary();
      return (scope) => -(asNumber(inner(scope)) ?? NaN);
    }
    return postfix();
  };

  const arithmetic = (next: () => Compiled, ops: Record<string, (a: Value, b: Value) => Value>): Compiled => {
    let left = next();
    while (peek()?.kind === 'op' && (peek()?.text ?? '') in ops) {
      const op = ops[peek()?.text ?? ''];
      at++;
      const right = next();
      const l = left;
      if (op) left = (scope) => op(l(scope), right(scope));
    }
    return left;
  };
  const num = (value: Value): number => asNumber(value) ?? NaN;
  const mult = (): Compiled =>
    arithmetic(unary, {
      '*': (a, b) => num(a) * num(b),
      '/': (a, b) => num(a) / num(b),
      '%': (a, b) => num(a) % num(b),
    });
  const additive = (): Compiled =>
    arithmetic(mult, {
      '+': (a, b) => (typeof a === 'string' && typeof b === 'string' ? a + b : num(a) + num(b)),
      '-': (a, b) => num(a) - num(b),
    });
  const concat = (): Compiled => arithmetic(additive, { '~': (a, b) => display(a) + display(b) });

  const comparison = (): Compiled => {
    const left = concat();
    const token = peek();
    if (!token) return left;
    const compare = (test: (a: Value, b: Value) => boolean): Compiled => {
      at++;
      const right = concat();
      return (scope) => test(left(scope), right(scope));
    };
    if (token.kind === 'op') {
      switch (token.text) {
        case '==':
          return compare((a, b) => equal(a, b, booleans));
        case '!=':
          return compare((a, b) => !equal(a, b, booleans));
        case '<':
          return compare((a, b) => (order(a, b) ?? NaN) < 0);
        case '>':
          return compare((a, b) => (order(a, b) ?? NaN) > 0);
        case '<=':
          return compare((a, b) => (order(a, b) ?? NaN) <= 0);
        case '>=':
          return compare((a, b) => (order(a, b) ?? NaN) >= 0);
      }
    }
    if (isWord('in')) return compare((a, b) => contains(b, a));
    if (isWord('not') && isWord('in', 1)) {
      at++;
      return compare((a, b) => !contains(b, a));
    }
    if (isWord('is')) {
      at++;
      const negate = isWord('not');
      if (negate) at++;
      const name = peek();
      if (!name || name.kind !== 'name') return fail('expected a test after "is"');
      at++;
      const test = dialect.tests[name.text];
      if (!test) return fail(`unknown test "is ${name.text}"`);
      const next = peek();
      const list: Compiled[] = isOp('(') ? args() : next && (next.kind === 'str' || next.kind === 'num') ? [primary()] : [];
      return (scope) =>
        test(
          left(scope),
          list.map((arg) => arg(scope)),
        ) !== negate;
    }
    return left;
  };

  const not = (): Compiled => {
    if (isWord('not')) {
      at++;
      const inner = not();
      return (scope) => !isTrue(inner(scope));
    }
    return comparison();
  };
  const and = (): Compiled => {
    let left = not();
    while (isWord('and')) {
      at++;
      const right = not();
      const l = left;
      left = (scope) => isTrue(l(scope)) && isTrue(right(scope));
    }
    return left;
  };
  function or(): Compiled {
    let left = and();
    while (isWord('or')) {
      at++;
      const right = and();
      const l = left;
      left = (scope) => isTrue(l(scope)) || isTrue(right(scope));
    }
    return left;
  }

  const compiled = or();
  if (at < tokens.length) fail(`unexpected "${peek()?.text ?? ''}"`);
  return compiled;
}
