import { type DialectContext, describe, isNumericCast, nativeOutput, describeCond } from './context';
import { convertStrftime } from './date-format';
import type { At, Cond, Filter, Literal, Node, Operand, ValueExpr } from './ir';
import { lowerIf, pushNot } from './lower-if';
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

  const condition = (cond: Cond, at: At): string | null => {
    switch (cond.kind) {
      case 'and':
      case 'or': {
        const left = condition(cond.left, at);
        const right = condition(cond.right, at);
        return left && right ? `(${left} ${cond.kind.toUpperCase()} ${right})` : null;
      }
      case 'compare': {
        const left = operand(cond.left);
        const right = operand(cond.right);
        if (!left || !right) return null;
        const text = (o: Operand) => o.kind === 'literal' && typeof o.value === 'string';
        if ((cond.op === '==' || cond.op === '!=') && (text(cond.left) || text(cond.right))) {
          warnOnce('case', at, 'AMPscript compares text without regard to case ("gold" equals "Gold"); Liquid does not [S16].');
        }
        return `${left} ${cond.op} ${right}`;
      }
      case 'contains': {
        const left = operand(cond.left);
        const right = operand(cond.right);
        // IndexOf is 1-based and 0 when absent [S12].
        return left && right ? `IndexOf(${left}, ${right}) > 0` : null;
      }
      case 'present':
      case 'blank': {
        if (cond.operand.kind === 'forloop' && (cond.operand.property === 'first' || cond.operand.property === 'last')) {
          const loop = [...loops].reverse().find((l) => l.variable === (cond.operand as { loop: string }).loop);
          if (!loop) return null;
          const test = cond.operand.property === 'first' ? `${loop.index} == 1` : `${loop.index} == ${loop.count}`;
          return cond.kind === 'present' ? test : `NOT (${test})`;
        }
        const subject = operand(cond.operand);
        return subject ? `${cond.kind === 'present' ? 'NOT ' : ''}Empty(${subject})` : null;
      }
      case 'not': {
        const inner = condition(cond.operand, at);
        return inner ? `NOT (${inner})` : null;
      }
      case 'constant':
        return cond.value ? '1 == 1' : '1 == 0';
      case 'unsupported':
        return null;
    }
  };

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
      case 'if': {
        const branches = node.branches.map((branch) => ({ ...branch, cond: pushNot(branch.cond) }));
        const lowered = lowerIf(
          branches,
          node.otherwise,
          (cond) => condition(cond, node.at) !== null,
          (branch) => context.warn(branch.at, `AMPscript cannot test ${describeCond(branch.cond)}; this branch is left out.`),
        );
        return lowered.map((part) => (part.kind === 'if' && part.at === node.at ? writeChain(part) : writeNode(part))).join('');
      }
      case 'for':
        return writeFor(node);
      case 'unsupported':
        context.warn(node.at, `AMPscript: ${node.reason}; it is left out.`);
        return '';
    }
  };

  const writeChain = (node: Extract<Node, { kind: 'if' }>): string => {
    let out = '';
    node.branches.forEach((branch, index) => {
      out += `%%[ ${index === 0 ? 'IF' : 'ELSEIF'} ${condition(branch.cond, node.at) ?? '1 == 0'} THEN ]%%${write(branch.body)}`;
    });
    if (node.otherwise.length > 0) out += `%%[ ELSE ]%%${write(node.otherwise)}`;
    return `${out}%%[ ENDIF ]%%`;
  };

  const writeFor = (node: Extract<Node, { kind: 'for' }>): string => {
    const list = node.collection.kind === 'field' || node.collection.kind === 'local' ? operand(node.collection) : null;
    if (list === null) {
      context.warn(node.at, `AMPscript cannot loop over ${describe(node.collection)}; the loop is left out.`);
      return '';
    }
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
