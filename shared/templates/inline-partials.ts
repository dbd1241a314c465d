import { Tokenizer, TypeGuards } from 'liquidjs';
import { partialName } from './partials';

/**
 * For export: every `{% render 'name' %}` / `{% include 'name' %}` replaced
 * by the partial's source, so the exported Liquid stands alone in an ESP that
 * has never seen the workspace's partials. Arguments become `assign`s before
 * the partial's text (`{% render 'card', product: item %}`). Tags this cannot
 * express faithfully (`with … as`, `for …`, a computed name, a missing
 * partial, too deep a nesting) are left as written and reported.
 */

const NAMED = /^\s*(['"])([^'"]+)\1\s*(?:,\s*)?([\s\S]*)$/;
const ARGUMENT = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([\s\S]+?)\s*$/;
const MAX_DEPTH = 8;

export interface InlinedPartials {
  html: string;
  /** Partials that were inlined, by name. */
  inlined: string[];
  /** Why a tag was kept as written. */
  kept: string[];
}

function argumentsOf(rest: string): string[] | null {
  if (rest.trim() === '') return [];
  // Values are variables, numbers or quoted strings without commas; anything richer stays a render tag.
  const assigns: string[] = [];
  for (const part of rest.split(',')) {
    const argument = ARGUMENT.exec(part);
    if (!argument || /^(with|for)\b/.test(part.trim())) return null;
    assigns.push(`{% assign ${argument[1]} = ${argument[2]} %}`);
  }
  return assigns;
}

export function inlinePartials(html: string, partials: Readonly<Record<string, string>>, depth = 0): InlinedPartials {
  const inlined = new Set<string>();
  const kept: string[] = [];
  const tags = new Tokenizer(html)
    .readTopLevelTokens()
    .filter(TypeGuards.isTagToken)
    .filter((tag) => tag.name === 'render' || tag.name === 'include');
  let result = '';
  let at = 0;
  for (const tag of tags) {
    const named = NAMED.exec(tag.args);
    const name = named ? partialName(`${named[1]}${named[2]}${named[1]}`) : null;
    const source = name === null ? undefined : partials[name];
    const assigns = named ? argumentsOf(named[3] ?? '') : null;
    if (name === null || source === undefined || assigns === null || depth >= MAX_DEPTH) {
      kept.push(
        name === null
          ? `{% ${tag.name} ${tag.args.trim()} %} names its partial in a way export cannot follow; it was kept as written.`
          : source === undefined
            ? `There is no partial named "${name}"; its ${tag.name} tag was kept as written.`
            : depth >= MAX_DEPTH
              ? `Partials nest deeper than ${MAX_DEPTH} levels at "${name}"; the rest was kept as written.`
              : `{% ${tag.name} '${name}' … %} passes arguments export cannot rewrite; it was kept as written.`,
      );
      continue;
    }
    const inner = inlinePartials(source, partials, depth + 1);
    inner.inlined.forEach((n) => inlined.add(n));
    kept.push(...inner.kept);
    inlined.add(name);
    result += html.slice(at, tag.begin) + assigns.join('') + inner.html;
    at = tag.end;
  }
  return { html: result + html.slice(at), inlined: [...inlined], kept };
}
