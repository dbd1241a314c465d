import type { FieldInfo } from '../../../shared/contract/schemas';
import type { ComputedTokenList, ScoreToken } from '../../../shared/contract/token-schemas';

/**
 * What the token autocomplete offers, as plain data: the Monaco provider
 * (liquid-completions.ts) only maps these onto its own item type, so what is
 * offered can be tested without an editor.
 */
export interface TokenCompletion {
  label: string;
  kind: 'field' | 'alias' | 'score' | 'segments' | 'snippet';
  detail: string;
  documentation: string;
  /** The token name; `wrap` in the provider adds the spaces and braces around it. A snippet is inserted as is. */
  insertText: string;
  snippet: boolean;
  sortText: string;
}

/** The token a score is written as: its own name, or `computed.<name>` when an imported field holds that name. */
export const scoreTokenName = (score: Pick<ScoreToken, 'name' | 'shadowed'>): string =>
  score.shadowed ? `computed.${score.name}` : score.name;

/** The token that lists a customer's segments. */
export const segmentsToken = (computed: Pick<ComputedTokenList, 'segmentsShadowed'> | null): string =>
  computed?.segmentsShadowed ? 'computed.segments' : 'customer.segments';

export function scoreStatus(score: Pick<ScoreToken, 'asOf'>): string {
  return score.asOf ? `computed as of ${score.asOf}` : 'not computed yet in this workspace';
}

/** Every field (snake_case and alias) and every score token; then `customer.segments`. */
export function tokenCompletions(fields: readonly FieldInfo[], computed: ComputedTokenList | null): TokenCompletion[] {
  const items: TokenCompletion[] = fields.flatMap((field) => {
    const detail = `${field.label}${field.sample ? ` · e.g. ${field.sample}` : ''}`;
    const documentation = `${field.kind === 'custom' ? 'Custom attribute' : 'Customer field'}, filled for ${field.filled} customers.`;
    return [
      { label: field.key, kind: 'field', detail, documentation, insertText: field.key, snippet: false, sortText: `a${field.key}` },
      { label: field.alias, kind: 'alias', detail, documentation, insertText: field.alias, snippet: false, sortText: `b${field.alias}` },
    ] satisfies TokenCompletion[];
  });
  if (!computed) return items;
  for (const score of computed.scores) {
    const name = scoreTokenName(score);
    const documentation =
      `${score.description}. A ${score.holds === 'number' ? 'number' : 'label'} from the ${score.model} model, ${scoreStatus(score)}.` +
      (score.shadowed ? ` An imported field is called ${score.name}, so the score is ${name}.` : '');
    const detail = `Score · ${scoreStatus(score)}`;
    items.push({ label: name, kind: 'score', detail, documentation, insertText: name, snippet: false, sortText: `c${score.name}` });
    if (!score.shadowed) {
      items.push({
        label: score.alias,
        kind: 'score',
        detail,
        documentation,
        insertText: score.alias,
        snippet: false,
        sortText: `d${score.alias}`,
      });
    }
  }
  const segments = segmentsToken(computed);
  items.push({
    label: segments,
    kind: 'segments',
    detail: `Segments this customer is in (${computed.segments.length} in this workspace)`,
    documentation: `A list of segment names: {% if ${segments} contains '${computed.segments[0]?.name ?? 'VIP'}' %}…{% endif %}`,
    insertText: segments,
    snippet: false,
    sortText: `c${segments}`,
  });
  return items;
}

/** Escapes a snippet choice's text (`\`, `,`, `|`, `$`, `}` are syntax there). */
const choiceText = (text: string): string => text.replace(/[\\,|$}]/g, (c) => `\\${c}`);

/**
 * `{% if customer.segments contains '…' %}$0{% endif %}` with the workspace's
 * segment names as the first placeholder's choices. Names are quoted with
 * single quotes, or double quotes when one holds an apostrophe; a name with
 * both cannot be written as one Liquid string and is left out.
 */
export function segmentConditionSnippet(computed: Pick<ComputedTokenList, 'segments' | 'segmentsShadowed'>): string {
  const names = computed.segments.map((segment) => segment.name);
  const quote = names.some((name) => name.includes("'")) ? '"' : "'";
  const usable = names.filter((name) => !name.includes(quote));
  const placeholder = usable.length > 0 ? `\${1|${usable.map(choiceText).join(',')}|}` : '${1:Segment}';
  return `{% if ${segmentsToken(computed)} contains ${quote}${placeholder}${quote} %}$0{% endif %}`;
}

/** The snippet as a completion, offered at the start of a `{% … %}` tag (its range covers the tag typed so far). */
export function segmentConditionCompletion(computed: ComputedTokenList | null): TokenCompletion | null {
  if (!computed) return null;
  return {
    label: `if ${segmentsToken(computed)} contains …`,
    kind: 'snippet',
    detail: 'Show this part only to members of a segment',
    documentation: `Choices: ${computed.segments.map((segment) => segment.name).join(', ') || 'no segments yet'}`,
    insertText: segmentConditionSnippet(computed),
    snippet: true,
    sortText: '0',
  };
}
