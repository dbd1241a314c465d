import { formatDatePattern } from './date-patterns';
import { type EspProfile, profileLookup, profileText, RoundTripUnsupported } from './profile';

/**
 * Evaluates the AMPscript Tailor emits for Salesforce Marketing Cloud:
 * `%%[ … ]%%` blocks (SET, IF … ELSEIF … ELSE … ENDIF, FOR … NEXT, VAR) that
 * close and resume around HTML [S4], inline `%%=expr=%%` [S5] and
 * personalization strings `%%FirstName%%` [S17], with the functions the
 * exporter writes. Names and keywords are case-insensitive [S15]; strings
 * compare case-insensitively [S16]. Data-extension values are text.
 * Facts: ../shared/research/esp-dialects.md §4.
 */

type Value = string | number | boolean | null | readonly Value[];
type Scope = { vars: Map<string, Value>; attribute: (name: string) => Value };
type Expr = (scope: Scope) => Value;

type Statement =
  | { kind: 'if' | 'elseif'; test: Expr }
  | { kind: 'else' | 'endif' | 'next' | 'var' }
  | { kind: 'set'; name: string; expr: Expr }
  | { kind: 'for'; name: string; from: Expr; to: Expr; down: boolean }
  | { kind: 'call'; expr: Expr };

type Item = { kind: 'text'; text: string } | { kind: 'output'; expr: Expr } | { kind: 'stmt'; stmt: Statement; raw: string };

type Token = { kind: 'str' | 'num' | 'var' | 'name' | 'attr' | 'op'; text: string };
const TOKEN = /\s*(?:"((?:[^"]|"")*)"|'((?:[^']|'')*)'|(\d+(?:\.\d+)?)|(@[\w]+)|\[([^\]]+)\]|([A-Za-z_][\w]*)|(==|!=|<=|>=|[<>(),=]))/y;

const fail = (message: string, construct: string): never => {
  throw new RoundTripUnsupported(`AMPscript: ${message}`, construct);
};

function tokenize(text: string): Token[] {
  const source = text.replace(/\/\*[\s\S]*?\*\//g, ' ');
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) return fail(`cannot read "${source.slice(at).trim()}"`, text.trim());
    if (m[1] !== undefined) tokens.push({ kind: 'str', text: m[1].replace(/""/g, '"') });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', text: m[2].replace(/''/g, "'") });
    else if (m[3] !== undefined) tokens.push({ kind: 'num', text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'var', text: m[4].toLowerCase() });
    else if (m[5] !== undefined) tokens.push({ kind: 'attr', text: m[5] });
    else if (m[6] !== undefined) tokens.push({ kind: 'name', text: m[6] });
    else tokens.push({ kind: 'op', text: m[7] ?? '' });
  }
  return tokens;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const num = (value: Value): number | null =>
  typeof value === 'number' ? value : typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value) : null;

export const text = (value: Value): string => {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return '';
  return String(value);
};

const isTrue = (value: Value): boolean =>
  value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true') || value === 1;

function compare(a: Value, b: Value): number | null {
  const x = num(a);
  const y = num(b);
  if (x !== null && y !== null) return x - y;
  if (a === null || b === null) return a === b ? 0 : null;
  const s = text(a).toLowerCase();
  const t = text(b).toLowerCase();
  return s === t ? 0 : s < t ? -1 : 1;
}

const rowset = (value: Value): readonly Value[] => (Array.isArray(value) ? (value as readonly Value[]) : []);
const arity = (name: string, args: Value[], n: number): void => {
  if (args.length < n) fail(`${name}() needs ${n} arguments`, name);
};

/** FormatDate(date, .NET pattern) [S7][S8]; a null or empty date prints nothing. */
function dateText(date: Value, pattern: Value): Value {
  if (date === null || text(date) === '') return '';
  const formatted = formatDatePattern(text(date), text(pattern), 'dotnet');
  return formatted ?? fail(`FormatDate("${text(date)}", "${text(pattern)}") is not read here`, 'FormatDate');
}

const FUNCTIONS: Record<string, (args: Value[], scope: Scope) => Value> = {
  v: ([x]) => x ?? null,
  attributevalue: ([name], scope) => scope.attribute(text(name ?? null)),
  empty: ([x]) => x === null || x === undefined || text(x) === '',
  isnull: ([x]) => x === null || x === undefined,
  iif: ([test, a, b]) => (isTrue(test ?? null) ? (a ?? null) : (b ?? null)),
  concat: (args) => args.map(text).join(''),
  uppercase: ([x]) => text(x ?? null).toUpperCase(),
  lowercase: ([x]) => text(x ?? null).toLowerCase(),
  propercase: ([x]) =>
    text(x ?? null)
      .toLowerCase()
      .replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_m, before: string, l: string) => before + l.toUpperCase()),
  length: ([x]) => text(x ?? null).length,
  trim: ([x]) => text(x ?? null).trim(),
  replace: ([s, a, b]) =>
    text(s ?? null)
      .split(text(a ?? null))
      .join(text(b ?? null)),
  substring: ([s, start, length]) => {
    const from = (num(start ?? null) ?? 1) - 1;
    const value = text(s ?? null);
    return length === undefined ? value.slice(from) : value.substr(from, num(length) ?? 0);
  },
  indexof: ([s, sub]) => text(s ?? null).indexOf(text(sub ?? null)) + 1,
  add: ([a, b]) => (num(a ?? null) ?? NaN) + (num(b ?? null) ?? NaN),
  subtract: ([a, b]) => (num(a ?? null) ?? NaN) - (num(b ?? null) ?? NaN),
  multiply: ([a, b]) => (num(a ?? null) ?? NaN) * (num(b ?? null) ?? NaN),
  divide: ([a, b]) => (num(a ?? null) ?? NaN) / (num(b ?? null) ?? NaN),
  urlencode: ([s, all, allStrings]) => {
    const value = text(s ?? null);
    // Without both flags only spaces in URL parameters are encoded [S10].
    return isTrue(all ?? null) || num(all ?? null) === 1 || isTrue(allStrings ?? null)
      ? encodeURIComponent(value)
      : value.replace(/ /g, '%20');
  },
  formatdate: ([date, pattern]) => dateText(date ?? null, pattern ?? null),
  format: ([value, pattern, type]) =>
    text(type ?? null).toLowerCase() === 'date'
      ? dateText(value ?? null, pattern ?? null)
      : fail('Format() of a number is not read here', 'Format'),
  buildrowsetfromstring: ([s, delimiter]) => {
    const value = text(s ?? null);
    return value === '' ? [] : value.split(text(delimiter ?? ',')).map((part) => [part]);
  },
  rowcount: ([rows]) => rowset(rows ?? null).length,
  row: ([rows, index]) => rowset(rows ?? null)[(num(index ?? null) ?? 0) - 1] ?? null,
  field: ([row, which]) => {
    const cells = rowset(row ?? null);
    const index = num(which ?? null);
    return index === null ? fail('Field() by column name is not read here', 'Field') : (cells[index - 1] ?? null);
  },
};

function compileExpression(tokens: Token[], start: number, construct: string): { expr: Expr; next: number } {
  let at = start;
  const peek = (): Token | undefined => tokens[at];
  const word = (w: string): boolean => peek()?.kind === 'name' && peek()?.text.toLowerCase() === w;
  const op = (o: string): boolean => peek()?.kind === 'op' && peek()?.text === o;

  const primary = (): Expr => {
    const token = peek();
    if (!token) return fail('an expression ends too early', construct);
    at++;
    switch (token.kind) {
      case 'str':
        return () => token.text;
      case 'num': {
        const n = Number(token.text);
        return () => n;
      }
      case 'var':
        return (scope) => scope.vars.get(token.text) ?? null;
      case 'attr':
        return (scope) => scope.attribute(token.text);
      case 'op':
        if (token.text === '(') {
          const inner = or();
          if (!op(')')) fail('expected ")"', construct);
          at++;
          return inner;
        }
        return fail(`unexpected "${token.text}"`, construct);
      case 'name': {
        const lower = token.text.toLowerCase();
        if (lower === 'true' || lower === 'false') {
          const b = lower === 'true';
          return () => b;
        }
        if (op('(')) {
          at++;
          const fn = FUNCTIONS[lower];
          if (!fn) fail(`the function ${token.text}() is not read by the round-trip check`, construct);
          const args: Expr[] = [];
          while (!op(')')) {
            args.push(or());
            if (op(',')) at++;
            else if (!op(')')) fail('expected "," or ")"', construct);
          }
          at++;
          return (scope) => {
            const values = args.map((arg) => arg(scope));
            if (lower === 'iif') arity(token.text, values, 3);
            return (fn as (args: Value[], scope: Scope) => Value)(values, scope);
          };
        }
        // A bare name inside a block is an attribute, like a personalization string [S17].
        return (scope) => scope.attribute(token.text);
      }
    }
  };

  const comparison = (): Expr => {
    const left = primary();
    const token = peek();
    if (token?.kind !== 'op' || !['==', '!=', '<', '>', '<=', '>='].includes(token.text)) return left;
    at++;
    const right = primary();
    const test: Record<string, (c: number) => boolean> = {
      '==': (c) => c === 0,
      '!=': (c) => c !== 0,
      '<': (c) => c < 0,
      '>': (c) => c > 0,
      '<=': (c) => c <= 0,
      '>=': (c) => c >= 0,
    };
    const check = test[token.text] as (c: number) => boolean;
    return (scope) => {
      const c = compare(left(scope), right(scope));
      return c === null ? token.text === '!=' : check(c);
    };
  };
  const not = (): Expr => {
    if (word('not')) {
      at++;
      const inner = not();
      return (scope) => !isTrue(inner(scope));
    }
    return comparison();
  };
  const and = (): Expr => {
    let left = not();
    while (word('and')) {
      at++;
      const right = not();
      const l = left;
      left = (scope) => isTrue(l(scope)) && isTrue(right(scope));
    }
    return left;
  };
  function or(): Expr {
    let left = and();
    while (word('or')) {
      at++;
      const right = and();
      const l = left;
      left = (scope) => isTrue(l(scope)) || isTrue(right(scope));
    }
    return left;
  }
  const expr = or();
  return { expr, next: at };
}

/** The statements of one `%%[ … ]%%` block, in order. */
function statements(block: string): Statement[] {
  const tokens = tokenize(block);
  const list: Statement[] = [];
  let at = 0;
  const keyword = (w: string): boolean => tokens[at]?.kind === 'name' && tokens[at]?.text.toLowerCase() === w;
  const expect = (w: string): void => {
    if (!keyword(w)) fail(`expected ${w.toUpperCase()}`, block.trim());
    at++;
  };
  const expression = (): Expr => {
    const { expr, next } = compileExpression(tokens, at, block.trim());
    at = next;
    return expr;
  };
  while (at < tokens.length) {
    const token = tokens[at] as Token;
    const w = token.kind === 'name' ? token.text.toLowerCase() : '';
    at++;
    if (w === 'if' || w === 'elseif') {
      const test = expression();
      expect('then');
      list.push({ kind: w, test });
    } else if (w === 'else' || w === 'endif') list.push({ kind: w });
    else if (w === 'var') {
      while (tokens[at]?.kind === 'var' || (tokens[at]?.kind === 'op' && tokens[at]?.text === ',')) at++;
      list.push({ kind: 'var' });
    } else if (w === 'set') {
      const name = tokens[at];
      if (name?.kind !== 'var' || tokens[at + 1]?.text !== '=') return fail('expected SET @name = value', block.trim());
      at += 2;
      list.push({ kind: 'set', name: name.text, expr: expression() });
    } else if (w === 'for') {
      const name = tokens[at];
      if (name?.kind !== 'var' || tokens[at + 1]?.text !== '=') return fail('expected FOR @i = start TO end DO', block.trim());
      at += 2;
      const from = expression();
      const down = keyword('downto');
      if (!down) expect('to');
      else at++;
      const to = expression();
      expect('do');
      list.push({ kind: 'for', name: name.text, from, to, down });
    } else if (w === 'next') {
      if (tokens[at]?.kind === 'var') at++;
      list.push({ kind: 'next' });
    } else {
      at--;
      list.push({ kind: 'call', expr: expression() });
    }
  }
  return list;
}

const PIECE = /%%\[([\s\S]*?)\]%%|%%=([\s\S]*?)=%%|%%([A-Za-z_][\w]*)%%/g;

function items(source: string): Item[] {
  const list: Item[] = [];
  let last = 0;
  for (const m of source.matchAll(PIECE)) {
    if (m.index > last) list.push({ kind: 'text', text: source.slice(last, m.index) });
    last = m.index + m[0].length;
    if (m[1] !== undefined) for (const stmt of statements(m[1])) list.push({ kind: 'stmt', stmt, raw: m[0] });
    else if (m[2] !== undefined) {
      const tokens = tokenize(m[2]);
      const { expr, next } = compileExpression(tokens, 0, m[0]);
      if (next < tokens.length) fail(`unexpected "${tokens[next]?.text ?? ''}"`, m[0]);
      list.push({ kind: 'output', expr });
    } else {
      const name = m[3] ?? '';
      list.push({ kind: 'output', expr: (scope) => scope.attribute(name) });
    }
  }
  if (last < source.length) list.push({ kind: 'text', text: source.slice(last) });
  return list;
}

const MAX_ITERATIONS = 10_000;

function run(list: readonly Item[], scope: Scope): string {
  let out = '';
  let at = 0;
  const stmtAt = (i: number): Statement | null => {
    const item = list[i];
    return item?.kind === 'stmt' ? item.stmt : null;
  };
  /** Index of the statement closing the block that starts after `from` (matching nesting). */
  const findClose = (from: number, opens: string, closes: readonly string[]): number => {
    let depth = 0;
    for (let i = from; i < list.length; i++) {
      const kind = stmtAt(i)?.kind;
      if (kind === opens) depth++;
      else if (kind === (opens === 'if' ? 'endif' : 'next') && depth > 0) depth--;
      else if (depth === 0 && kind !== undefined && closes.includes(kind)) return i;
    }
    const item = list[from - 1];
    return fail(`${item?.kind === 'stmt' ? item.raw : opens} is never closed`, opens);
  };
  while (at < list.length) {
    const item = list[at] as Item;
    at++;
    if (item.kind === 'text') out += item.text;
    else if (item.kind === 'output') out += text(item.expr(scope));
    else {
      const stmt = item.stmt;
      switch (stmt.kind) {
        case 'var':
          break;
        case 'set':
          scope.vars.set(stmt.name, stmt.expr(scope));
          break;
        case 'call':
          stmt.expr(scope);
          break;
        case 'if': {
          let test: Expr | null = stmt.test;
          let start = at;
          let taken = false;
          for (;;) {
            const close = findClose(start, 'if', ['elseif', 'else', 'endif']);
            if (!taken && (test === null || isTrue(test(scope)))) {
              out += run(list.slice(start, close), scope);
              taken = true;
            }
            const closing = stmtAt(close) as Statement;
            start = close + 1;
            if (closing.kind === 'endif') break;
            test = closing.kind === 'elseif' ? closing.test : null;
          }
          at = start;
          break;
        }
        case 'for': {
          const close = findClose(at, 'for', ['next']);
          const from = num(stmt.from(scope)) ?? 0;
          const to = num(stmt.to(scope)) ?? 0;
          const count = stmt.down ? from - to + 1 : to - from + 1;
          if (count > MAX_ITERATIONS) fail(`a loop of ${count} rounds`, item.raw);
          for (let i = 0; i < count; i++) {
            scope.vars.set(stmt.name, stmt.down ? from - i : from + i);
            out += run(list.slice(at, close), scope);
          }
          at = close + 1;
          break;
        }
        default:
          fail(`${item.raw} closes nothing`, item.raw);
      }
    }
  }
  return out;
}

export function evaluateAmpscript(source: string, profile: EspProfile): string {
  const find = profileLookup('sfmc', profile);
  const attribute = (name: string): Value => {
    const value = find(name);
    // AttributeValue gives null for an attribute the contact lacks [S1]; a data extension stores text.
    return value === undefined || value === null ? null : profileText(value);
  };
  return run(items(source), { vars: new Map(), attribute });
}
