import { type ChainSyntax, conditionWriter, loopCollection, writeIf } from './blocks';
import { type DialectContext, describe, isNumericCast, nativeOutput } from './context';
import { convertStrftime } from './date-format';
import type { At, Filter, Literal, Node, Operand, ValueExpr } from './ir';
import { walk } from './substitute';

/**
 * Salesforce Marketing Cloud Engagement: AMPscript [S2][S5].
 *
 * Emitted subset: one block first, `%%[ SET @first_name = AttributeValue('FirstName') … ]%%`
 * (AttributeValue returns null instead of failing for a missing attribute [S1]);
 * output `%%=v(@first_name)=%%`, or `%%=IIF(Empty(@first_name), 'there', @first_name)=%%`
 * for a fallback [S5][S6]; functions `Uppercase`, `Lowercase`, `ProperCase`,
 * `Trim`, `Length`, `Concat`, `Replace`, `Substring`, `URLEncode(v, 1, 1)`,
 * `FormatDate`, `Add`, `Subtract`, `Multiply`, `Divide`, `IndexOf`, `Empty`,
 * `IIF` [S7][S10][S11][S12]; `%%[ IF … THEN ]%%` / `ELSEIF` / `ELSE` / `ENDIF`
 * with `==`, `!=`, `<`, `>`, `<=`, `>=`, `AND`, `OR`, `NOT` and parentheses [S2][S3];
 * loops over a `;`-joined list field with `BuildRowsetFromString`, `RowCount`,
 * `Row`, `Field` and `FOR @i = 1 TO n DO … NEXT @i` [S4]; `SET` for `assign`.
 */

type Loop = { variable: string; index: string; count: string };

/**
 * Single quotes, a quote doubled inside [S14]: the email's HTML puts attribute
 * values in double quotes, and a fallback inside `alt="…"` must not end it.
 */
function literal(value: Literal): string {
  if (value === null) return "''";
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

const variableName = (name: string): string => name.replace(/[^A-Za-z0-9_]/g, '_');

const AMPSCRIPT_CHAIN: ChainSyntax = {
  name: 'AMPscript',
  branch: (first, condition) => `%%[ ${first ? 'IF' : 'ELSEIF'} ${condition} THEN ]%%`,
  otherwise: '%%[ ELSE ]%%',
  end: '%%[ ENDIF ]%%',
  never: '1 == 0',
};

export function writeSfmc(nodes: readonly Node[], context: DialectContext): string {
  const once = new Set<string>();
  const warnOnce = (key: string, at: At, message: string) => {
    if (once.has(key)) return;
    once.add(key);
    context.warn(at, message);
  };

  // Every field becomes a variable set once at the top; the template's own names keep theirs unless they clash.
  const fieldVariables = new Map<string, string>();
  const localNames = new Set<string>();
  for (const node of walk(nodes)) {
    if (node.kind === 'assign') localNames.add(node.name);
    if (node.kind === 'for') localNames.add(node.variable);
  }
  const fieldVariable = (token: string): string => {
    let name = fieldVariables.get(token);
    if (!name) {
      const base = variableName(token.replace(/^segment:/, 'segment_'));
      name = localNames.has(base) ? `field_${base}` : base;
      fieldVariables.set(token, name);
      context.attribute(token);
    }
    return `@${name}`;
  };
  const loops: Loop[] = [];
  const listFields = new Set<string>();
  for (const node of walk(nodes)) if (node.kind === 'for' && node.collection.kind === 'field') listFields.add(node.collection.token);
  const listLike = (written: string): boolean =>
    [...listFields].some((token) => fieldVariables.get(token) !== undefined && written === `@${fieldVariables.get(token)}`);

  const operand = (o: Operand): string | null => {
    switch (o.kind) {
      case 'literal':
        return literal(o.value);
      case 'field':
        return fieldVariable(o.token);
      case 'local':
        return o.path.length === 0 ? `@${variableName(o.name)}` : null;
      case 'forloop': {
        const loop = [...loops].reverse().find((l) => l.variable === o.loop);
        if (!loop) return null;
        if (o.property === 'index') return loop.index;
        if (o.property === 'index0') return `Subtract(${loop.index}, 1)`;
        if (o.property === 'length') return loop.count;
        if (o.property === 'rindex') return `Add(Subtract(${loop.count}, ${loop.index}), 1)`;
        return null;
      }
      case 'unsupported':
        return null;
    }
  };

  const call = (current: string, f: Filter, at: At): string | null => {
    if (isNumericCast(f)) return current;
    const args = f.args.map(operand);
    if (args.some((arg) => arg === null)) return null;
    const [a, b] = args as string[];
    const [first] = f.args;
    switch (f.name) {
      case 'default':
        return a === undefined ? null : `IIF(Empty(${current}), ${a}, ${current})`;
      case 'upcase':
        return `Uppercase(${current})`;
      case 'downcase':
        return `Lowercase(${current})`;
      case 'capitalize':
        warnOnce('capitalize', at, 'AMPscript ProperCase capitalizes every word; Liquid capitalize only the first [S11].');
        return `ProperCase(${current})`;
      case 'strip':
        return `Trim(${current})`;
      case 'size':
        // A field the template loops over is a list, kept `;`-joined: count its items, not its characters.
        return listLike(current) ? `RowCount(BuildRowsetFromString(${current}, ';'))` : `Length(${current})`;
      case 'append':
        return a === undefined ? null : `Concat(${current}, ${a})`;
      case 'prepend':
        return a === undefined ? null : `Concat(${a}, ${current})`;
      case 'replace':
        return a === undefined || b === undefined ? null : `Replace(${current}, ${a}, ${b})`;
      case 'truncate':
        warnOnce('truncate', at, 'AMPscript Substring cuts without the "..." Liquid truncate adds.');
        return first?.kind === 'literal' && typeof first.value === 'number' ? `Substring(${current}, 1, ${first.value})` : null;
      case 'url_encode':
        warnOnce('urlencode', at, 'AMPscript URLEncode writes a space as %20 where Liquid writes + [S10].');
        return `URLEncode(${current}, 1, 1)`;
      case 'date': {
        const format = first?.kind === 'literal' && typeof first.value === 'string' ? convertStrftime(first.value, 'dotnet') : null;
        return format === null ? null : `FormatDate(${current}, ${literal(format)})`;
      }
      case 'plus':
        return a === undefined ? null : `Add(${current}, ${a})`;
      case 'minus':
        return a === undefined ? null : `Subtract(${current}, ${a})`;
      case 'times':
        return a === undefined ? null : `Multiply(${current}, ${a})`;
      case 'divided_by':
        warnOnce('divide', at, 'AMPscript Divide keeps decimals where Liquid divides whole numbers to a whole number.');
        return a === undefined ? null : `Divide(${current}, ${a})`;
      default:
        return null;
    }
  };

  const value = (expr: ValueExpr, at: At): string | null => {
    let current = operand(expr.base);
    if (current === null) {
      context.warn(
        at,
        `AMPscript cannot read ${describe(expr.base)}${expr.base.kind === 'unsupported' ? ` (${expr.base.reason})` : ''}; it is left out.`,
      );
      return null;
    }
    for (const f of expr.filters) {
      const next = call(current, f, at);
      if (next === null) context.warn(at, `AMPscript has no equivalent of the ${f.text} filter; the value is written without it.`);
      else current = next;
    }
    if (expr.filters.some((f) => f.name === 'default')) {
      warnOnce(
        'default',
        at,
        'AMPscript Empty() does not treat a value made only of spaces as empty, where Tailor does (this applies to every fallback) [S6].',
      );
    }
    return current;
  };

  const isText = (o: Operand) => o.kind === 'literal' && typeof o.value === 'string';
  const isBoolean = (o: Operand) => o.kind === 'literal' && typeof o.value === 'boolean';
  const condition = conditionWriter({
    operand: (o: Operand) => operand(o),
    junction: (kind) => (left, right) => `(${left} ${kind.toUpperCase()} ${right})`,
    compare: (op, left, right, cond, at) => {
      // A Text attribute holds "true", a Boolean one "True": compare the lower-cased text, never a Boolean with text.
      if ((op === '==' || op === '!=') && isBoolean(cond.left) !== isBoolean(cond.right)) {
        const [value, flag] = isBoolean(cond.left) ? [right, cond.left] : [left, cond.right];
        return `Lowercase(${value}) ${op} '${flag.kind === 'literal' && flag.value === true ? 'true' : 'false'}'`;
      }
      if ((op === '==' || op === '!=') && (isText(cond.left) || isText(cond.right))) {
        warnOnce('case', at, 'AMPscript compares text without regard to case ("gold" equals "Gold"); Liquid does not [S16].');
      }
      return `${left} ${op} ${right}`;
    },
    // IndexOf is 1-based and 0 when absent [S12].
    contains: (left, right) => `IndexOf(${left}, ${right}) > 0`,
    test: (kind, subject) => `${kind === 'present' ? 'NOT ' : ''}Empty(${subject})`,
    special: (cond) => {
      const { operand: subject } = cond;
      if (subject.kind !== 'forloop' || (subject.property !== 'first' && subject.property !== 'last')) return undefined;
      const loop = [...loops].reverse().find((l) => l.variable === subject.loop);
      if (!loop) return null;
      const test = subject.property === 'first' ? `${loop.index} == 1` : `${loop.index} == ${loop.count}`;
      return cond.kind === 'present' ? test : `NOT (${test})`;
    },
    not: (_operand, inner) => {
      const text = inner();
      return text ? `NOT (${text})` : null;
    },
    constant: (value) => (value ? '1 == 1' : '1 == 0'),
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
        if (text === null) return '';
        return text.startsWith('@') && /^@\w+$/.test(text) ? `%%=v(${text})=%%` : `%%=${text}=%%`;
      }
      case 'assign': {
        const text = value(node.value, node.at);
        return text === null ? '' : `%%[ SET @${variableName(node.name)} = ${text} ]%%`;
      }
      case 'if':
        return writeIf(node, { condition: (cond) => condition(cond, node.at), write, writeNode, context }, AMPSCRIPT_CHAIN);
      case 'for':
        return writeFor(node);
      case 'unsupported':
        context.warn(node.at, `AMPscript: ${node.reason}; it is left out.`);
        return '';
    }
  };

  const writeFor = (node: Extract<Node, { kind: 'for' }>): string => {
    // A list attribute or a list the template holds: BuildRowsetFromString splits either.
    const list = loopCollection(node, (o) => (o.kind === 'field' || o.kind === 'local' ? operand(o) : null), 'AMPscript', context);
    if (list === null) return '';
    const name = variableName(node.variable);
    const rows = `@${name}_rows`;
    const loop: Loop = { variable: node.variable, index: `@${name}_i`, count: `@${name}_n` };
    const from = node.offset ?? 0;
    const setup = [
      `SET ${rows} = BuildRowsetFromString(${list}, ';')`,
      `SET ${loop.count} = RowCount(${rows})`,
      node.limit === null ? '' : `IF ${loop.count} > ${from + node.limit} THEN SET ${loop.count} = ${from + node.limit} ENDIF`,
      node.reversed ? `FOR ${loop.index} = ${loop.count} DOWNTO ${from + 1} DO` : `FOR ${loop.index} = ${from + 1} TO ${loop.count} DO`,
      `SET @${name} = Field(Row(${rows}, ${loop.index}), 1)`,
    ].filter(Boolean);
    loops.push(loop);
    const body = write(node.body);
    loops.pop();
    const items = `%%[ ${setup.join(' ')} ]%%${body}%%[ NEXT ${loop.index} ]%%`;
    // BuildRowsetFromString of an empty value is not an empty rowset: test for the empty list first.
    const otherwise = node.otherwise.length > 0 ? `%%[ ELSE ]%%${write(node.otherwise)}` : '';
    return `%%[ IF NOT Empty(${list}) THEN ]%%${items}${otherwise}%%[ ENDIF ]%%`;
  };

  const body = write(nodes);
  if (fieldVariables.size === 0) return body;
  const sets = [...fieldVariables].map(([token, name]) => `SET @${name} = AttributeValue(${literal(context.attribute(token))})`);
  return `%%[ ${sets.join('\n')} ]%%\n${body}`;
}
