import { type EspProfile, profileLookup, profileText, RoundTripUnsupported } from './profile';

/**
 * Evaluates Mailchimp merge tags for one audience member: `*|FNAME|*`, the
 * modifiers `*|UPPER:T|*`, `*|LOWER:T|*`, `*|TITLE:T|*`, `*|HTML:T|*`,
 * `*|URL:T|*`, and conditional merge tags `*|IF:T|*`, `*|IF:T=x|*`
 * (`!=`, `>`, `<`, `>=`, `<=`), `*|IFNOT:T|*`, `*|ELSEIF:…|*`, `*|ELSE:|*`,
 * `*|END:IF|*`, nested [M2][M10]. Audience fields are text; a number field
 * compares as a number. Facts: ../shared/research/esp-dialects.md §5.
 */

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tag'; body: string }
  | { kind: 'if'; branches: { test: ((get: Get) => boolean) | null; body: Node[] }[] };
type Get = (tag: string) => string;

const TAG = /\*\|([\s\S]*?)\|\*/g;
const NUMERIC = /^-?\d+(\.\d+)?$/;

function condition(text: string, negate: boolean, raw: string): (get: Get) => boolean {
  const m = /^([A-Z0-9_]+)\s*(?:(!=|>=|<=|=|>|<)\s*([\s\S]*))?$/i.exec(text.trim());
  if (!m) throw new RoundTripUnsupported(`Mailchimp: cannot read the condition ${raw}`, raw);
  const [, tag = '', op, expected = ''] = m;
  return (get) => {
    const value = get(tag);
    let result: boolean;
    if (op === undefined) result = value !== '';
    else if (op === '=' || op === '!=') {
      // `IF:T=x` with no value is false [M2].
      const same =
        value !== '' && (NUMERIC.test(value) && NUMERIC.test(expected) ? Number(value) === Number(expected) : value === expected);
      result = op === '=' ? same : !same && value !== '';
    } else {
      const a = Number(value);
      const b = Number(expected);
      if (!NUMERIC.test(value) || !NUMERIC.test(expected)) result = false;
      else result = op === '>' ? a > b : op === '<' ? a < b : op === '>=' ? a >= b : a <= b;
    }
    return negate ? !result : result;
  };
}

function parse(source: string): Node[] {
  const root: Node[] = [];
  type Open = { node: Extract<Node, { kind: 'if' }>; raw: string };
  const stack: Open[] = [];
  const target = (): Node[] => {
    const open = stack[stack.length - 1];
    if (!open) return root;
    const branch = open.node.branches[open.node.branches.length - 1];
    return branch ? branch.body : root;
  };
  let last = 0;
  for (const m of source.matchAll(TAG)) {
    if (m.index > last) target().push({ kind: 'text', text: source.slice(last, m.index) });
    last = m.index + m[0].length;
    const body = (m[1] ?? '').trim();
    const raw = m[0];
    const [, keyword = '', rest = ''] = /^(IF|IFNOT|ELSEIF|ELSE|END):([\s\S]*)$/i.exec(body) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'IF' || upper === 'IFNOT') {
      const node: Extract<Node, { kind: 'if' }> = { kind: 'if', branches: [{ test: condition(rest, upper === 'IFNOT', raw), body: [] }] };
      target().push(node);
      stack.push({ node, raw });
    } else if (upper === 'ELSEIF' || upper === 'ELSE') {
      const open = stack[stack.length - 1];
      if (!open) throw new RoundTripUnsupported(`Mailchimp: ${raw} outside *|IF:…|*`, raw);
      open.node.branches.push({ test: upper === 'ELSE' ? null : condition(rest, false, raw), body: [] });
    } else if (upper === 'END') {
      if (rest.trim().toUpperCase() !== 'IF' || !stack.pop()) throw new RoundTripUnsupported(`Mailchimp: ${raw} closes nothing`, raw);
    } else target().push({ kind: 'tag', body });
  }
  if (last < source.length) target().push({ kind: 'text', text: source.slice(last) });
  const open = stack.pop();
  if (open) throw new RoundTripUnsupported(`Mailchimp: ${open.raw} has no *|END:IF|*`, open.raw);
  return root;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const MODIFIERS: Record<string, (value: string) => string> = {
  UPPER: (v) => v.toUpperCase(),
  LOWER: (v) => v.toLowerCase(),
  TITLE: (v) => v.toLowerCase().replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, before: string, l: string) => before + l.toUpperCase()),
  // HTML: outputs the value unescaped; a plain tag is escaped [M10].
  HTML: (v) => v,
  URL: (v) => encodeURIComponent(v),
};

function render(nodes: readonly Node[], get: Get): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'if') {
      const branch = node.branches.find((candidate) => candidate.test === null || candidate.test(get));
      if (branch) out += render(branch.body, get);
    } else {
      const [, modifier, tag] = /^([A-Z]+):([A-Z0-9_]+)$/i.exec(node.body) ?? [];
      if (modifier !== undefined && tag !== undefined) {
        const apply = MODIFIERS[modifier.toUpperCase()];
        if (!apply) throw new RoundTripUnsupported(`Mailchimp: *|${node.body}|* is not read by the round-trip check`, `*|${node.body}|*`);
        out += apply(get(tag));
      } else if (/^[A-Z0-9_]+$/i.test(node.body)) out += escapeHtml(get(node.body));
      else throw new RoundTripUnsupported(`Mailchimp: *|${node.body}|* is not read by the round-trip check`, `*|${node.body}|*`);
    }
  }
  return out;
}

export function evaluateMailchimp(source: string, profile: EspProfile): string {
  const find = profileLookup('mailchimp', profile);
  return render(parse(source), (tag) => profileText(find(tag)));
}
