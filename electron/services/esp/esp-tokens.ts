import { CANONICAL_KEYS } from '../../../shared/fields/canonical';
import { toPascalAlias } from '../../../shared/fields/naming';
import { SCORE_NAMES } from '../../../shared/scores/score-names';
import { COMPUTED_NAMESPACE, SEGMENTS_TOKEN } from '../../../shared/templates/computed-tokens';
import { segmentToken } from '../../../shared/esp/dialects/ir';
import { customFieldKeys } from '../../workspace/customers-repo';
import type { Db } from '../../workspace/db';

export interface WorkspaceToken {
  token: string;
  kind: 'field' | 'score' | 'segment';
}

/** Everything a contact can carry to an ESP: every field, every score, and each segment as a membership attribute. */
export function workspaceTokens(db: Db): WorkspaceToken[] {
  const fields = [...CANONICAL_KEYS, ...[...customFieldKeys(db)].sort()].filter((key, index, all) => all.indexOf(key) === index);
  const segments = db.prepare('SELECT name FROM segments ORDER BY name COLLATE NOCASE, id').pluck().all() as string[];
  return [
    ...fields.map((token) => ({ token, kind: 'field' as const })),
    ...SCORE_NAMES.filter((name) => !fields.includes(name)).map((token) => ({ token, kind: 'score' as const })),
    ...segments.map((name) => ({ token: segmentToken(name), kind: 'segment' as const })),
  ];
}

/**
 * The tokens a compiled template reads (liquidjs's global variable paths),
 * by their snake_case name: `FirstName` and `customer.first_name` are both
 * `first_name`; reading `segments` uses every segment membership.
 */
export function usedTokens(variables: readonly (readonly (string | number)[])[], tokens: readonly WorkspaceToken[]): Set<string> {
  const byName = new Map<string, string>();
  for (const { token, kind } of tokens) {
    if (kind === 'segment') continue;
    byName.set(token, token);
    if (!byName.has(toPascalAlias(token))) byName.set(toPascalAlias(token), token);
  }
  const used = new Set<string>();
  for (const path of variables) {
    const [head, next] = path;
    const name = String(head === 'customer' || head === COMPUTED_NAMESPACE ? (next ?? head) : head);
    if (name === SEGMENTS_TOKEN) for (const { token, kind } of tokens) if (kind === 'segment') used.add(token);
    const token = byName.get(name);
    if (token) used.add(token);
  }
  return used;
}
