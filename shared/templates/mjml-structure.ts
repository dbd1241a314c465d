import type { Diagnostic } from '../contract/schemas';
import { tagEnd } from './protect-liquid';

interface OpenTag {
  name: string;
  line: number;
  column: number;
}

/** 1-based line and column of every offset, from the offsets where lines start. */
function locator(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

const error = (message: string, at: { line: number; column: number }): Diagnostic => ({
  severity: 'error',
  source: 'mjml',
  message: `MJML: ${message}`,
  line: at.line,
  column: at.column,
});

/** Levenshtein distance, capped: only near misses are worth suggesting. */
function distance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    previous = row;
  }
  return Math.min(previous[b.length] ?? cap, cap);
}

function unknownTag(name: string, known: readonly string[]): string {
  if (name === 'mj-include') {
    return '<mj-include> is not supported: a template cannot read files. Paste the content in instead';
  }
  const nearest = known
    .map((candidate) => ({ candidate, d: distance(name, candidate) }))
    .filter(({ d }) => d < 3)
    .sort((a, b) => a.d - b.d)[0];
  return `<${name}> is not an MJML element, so it and its content would be left out of the email.${
    nearest ? ` Did you mean <${nearest.candidate}>?` : ''
  }`;
}

export interface StructureOptions {
  /** The mj- elements MJML knows; without it, element names are not checked. */
  knownTags?: readonly string[];
}

/**
 * MJML's parser forgives unclosed and mismatched tags and quietly renders
 * something else, so a forgotten `</mj-text>` would only show as a strange
 * preview, and it drops an element it does not know (a typo such as
 * `<mj-textt>`) with only a warning. This pass checks that every mj- element
 * is known and closed, in order, and points at the line where the problem
 * starts.
 */
export function mjmlStructureDiagnostics(source: string, options: StructureOptions = {}): Diagnostic[] {
  const known = options.knownTags ? new Set(options.knownTags) : null;
  const at = locator(source);
  const stack: OpenTag[] = [];
  const diagnostics: Diagnostic[] = [];
  const tagPattern = /<!--|<\/?(mjml|mj-[a-z-]+)\b/gi;
  let match: RegExpExecArray | null;
  while ((match = tagPattern.exec(source))) {
    if (match[0] === '<!--') {
      const end = source.indexOf('-->', match.index + 4);
      tagPattern.lastIndex = end === -1 ? source.length : end + 3;
      continue;
    }
    const name = (match[1] ?? '').toLowerCase();
    const end = tagEnd(source, match.index);
    tagPattern.lastIndex = end;
    const tag = source.slice(match.index, end);
    const position = at(match.index);
    if (!tag.endsWith('>')) {
      diagnostics.push(error(`<${name}> is not finished: add the closing ">"`, position));
      break;
    }
    if (tag.startsWith('</')) {
      const openIndex = stack.map((open) => open.name).lastIndexOf(name);
      if (openIndex === -1) {
        diagnostics.push(error(`</${name}> closes nothing: there is no open <${name}> before it`, position));
        continue;
      }
      for (const unclosed of stack.splice(openIndex).slice(1).reverse()) {
        diagnostics.push(error(`<${unclosed.name}> opened here is never closed (before </${name}> on line ${position.line})`, unclosed));
      }
      continue;
    }
    if (known && name !== 'mjml' && !known.has(name)) diagnostics.push(error(unknownTag(name, [...known]), position));
    if (!tag.endsWith('/>')) stack.push({ name, ...position });
  }
  for (const unclosed of stack.reverse()) diagnostics.push(error(`<${unclosed.name}> opened here is never closed`, unclosed));
  return diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
