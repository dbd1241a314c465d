import type { Customer } from '../../../shared/contract/schemas';
import type { ComputedTokens } from '../../../shared/templates/computed-tokens';
import { SCORES, type ScoreName } from '../../../shared/scores/score-names';
import { SEGMENTS_TOKEN } from '../../../shared/templates/computed-tokens';
import type { CustomerRow } from '../../workspace/customers-repo';
import type { Db } from '../../workspace/db';
import { membershipChecks } from '../../workspace/tokens/segment-membership';

type Row = Required<CustomerRow>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseObject(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * A batch of recipients by rowid, as `toCustomer` reads them but without its
 * per-value schema check of the typed JSON: at bulk-QA rates that check cost
 * more than the render. Nothing is lost: `catalogueReader` checks every
 * stored value against its field's type before Liquid sees it
 * (stored-value.ts), and a value of the wrong shape stays its text.
 */
export function readRecipients(db: Db, rowids: readonly number[]): Customer[] {
  const rows = db
    .prepare(
      `SELECT id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes, typed
       FROM customers WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    )
    .all(JSON.stringify(rowids)) as Row[];
  return rows.map(({ attributes, typed, ...columns }) => {
    const text: Record<string, string> = {};
    for (const [key, value] of Object.entries(parseObject(attributes))) {
      if (value === null || value === undefined) continue;
      text[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    return { ...columns, attributes: text, typed: parseObject(typed) as Customer['typed'] };
  });
}

/**
 * Scores and segment names for a whole batch with one statement per segment
 * and one for the scores (the preview's ComputedTokenCache asks per customer,
 * which suits a handful of personas, not a hundred thousand recipients).
 */
export function batchComputedTokens(db: Db, customerIds: readonly string[]): Map<string, ComputedTokens> {
  const ids = JSON.stringify(customerIds);
  const custom = new Set(db.prepare('SELECT key FROM customer_fields').pluck().all() as string[]);
  const shadowed = [...Object.keys(SCORES), SEGMENTS_TOKEN].filter((name) => custom.has(name));
  const out = new Map<string, ComputedTokens>(customerIds.map((id) => [id, { scores: {}, segments: [], shadowed }]));
  const scores = db
    .prepare('SELECT customer_id, score, value, label FROM customer_scores WHERE customer_id IN (SELECT value FROM json_each(?))')
    .all(ids) as { customer_id: string; score: string; value: number | null; label: string | null }[];
  for (const row of scores) {
    const value = row.label ?? row.value;
    const entry = out.get(row.customer_id);
    if (entry && value !== null && Object.hasOwn(SCORES, row.score)) entry.scores[row.score as ScoreName] = value;
  }
  for (const check of membershipChecks(db)) {
    for (const id of check.members(customerIds)) out.get(id)?.segments.push(check.name);
  }
  return out;
}
