import type { TokenCatalog } from './token-catalog';

/**
 * Liquid tags as snippets, filled in with the workspace's own names: a
 * segment condition offers its segments, a tier condition the tiers customers
 * hold, `case` one `when` per label, `for` the list fields. Plain data, so
 * the offer can be tested without an editor.
 */
export interface TagSnippet {
  label: string;
  detail: string;
  /** A Monaco snippet of the whole tag, from `{%` on. */
  body: string;
}

/** Escapes a snippet choice's text (`\`, `,`, `|`, `$`, `}` are syntax there). */
const choiceText = (text: string): string => text.replace(/[\\,|$}]/g, (c) => `\\${c}`);

/** A snippet placeholder choosing among names, quoted so that none needs escaping in Liquid. */
function quotedChoice(index: number, names: readonly string[], fallback: string): string {
  const quote = names.some((name) => name.includes("'")) ? '"' : "'";
  const usable = names.filter((name) => !name.includes(quote));
  return usable.length > 0
    ? `${quote}\${${index}|${usable.map(choiceText).join(',')}|}${quote}`
    : `${quote}\${${index}:${fallback}}${quote}`;
}

export function tagSnippets(catalog: TokenCatalog): TagSnippet[] {
  const segment = quotedChoice(1, catalog.segments, 'Segment');
  const tierToken = catalog.tokens.find((token) => token.kind === 'score' && token.type === 'label' && token.name.endsWith('rfm_tier'));
  const tier = tierToken?.name ?? 'rfm_tier';
  const tiers = tierToken?.labels ?? [];
  const lists = catalog.lists.length > 0 ? catalog.lists : ['orders'];
  const snippets: TagSnippet[] = [
    {
      label: `if ${catalog.segmentsToken} contains …`,
      detail: 'Show this part only to members of a segment',
      body: `{% if ${catalog.segmentsToken} contains ${segment} %}\n\t$0\n{% endif %}`,
    },
    {
      label: `if … elsif … else (segments)`,
      detail: 'One version per segment, and one for everyone else',
      body: `{% if ${catalog.segmentsToken} contains ${segment} %}\n\t$2\n{% elsif ${catalog.segmentsToken} contains ${quotedChoice(3, catalog.segments, 'Segment')} %}\n\t$4\n{% else %}\n\t$0\n{% endif %}`,
    },
    {
      label: `if ${tier} == …`,
      detail: 'Show this part only to one tier',
      body: `{% if ${tier} == ${quotedChoice(1, tiers, 'Champions')} %}\n\t$0\n{% endif %}`,
    },
    {
      label: 'unless …',
      detail: 'Show this part unless a condition holds',
      body: `{% unless ${catalog.segmentsToken} contains ${segment} %}\n\t$0\n{% endunless %}`,
    },
    {
      label: `case ${tier} / when …`,
      detail: 'A different part per tier',
      body: `{% case ${tier} %}\n${(tiers.length > 0 ? tiers.slice(0, 6) : ['Champions', 'Loyal']).map((name, i) => `{% when ${quotedLiteral(name)} %}\n\t\${${i + 1}}`).join('\n')}\n{% else %}\n\t$0\n{% endcase %}`,
    },
    {
      label: `for … in ${lists[0]}`,
      detail: 'Repeat a block for each item of a list',
      body: `{% for \${1:item} in \${2|${lists.map(choiceText).join(',')}|} %}\n\t{{ \${1:item} }}$0\n{% endfor %}`,
    },
  ];
  return snippets;
}

/** A Liquid string for a name inside snippet text: `$` and `}` escaped for the snippet syntax. */
function quotedLiteral(name: string): string {
  const quote = name.includes("'") ? '"' : "'";
  return `${quote}${name.replace(/[\\$}]/g, (c) => `\\${c}`)}${quote}`;
}
