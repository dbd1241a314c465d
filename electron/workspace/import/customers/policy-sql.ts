import type { FieldPolicy, ImportPolicy } from '../../../../shared/contract/schemas';
import { CANONICAL_KEYS, isCanonicalKey } from '../../../../shared/fields/canonical';
import { normalisePolicy, policyOf } from '../../../../shared/imports/policy';

/**
 * The re-import policy as the SET clause of the customers upsert: data in
 * (a policy), SQL with bound parameters out. Inside `ON CONFLICT DO UPDATE`
 * a bare column is the customer's current value and `excluded.` the file's;
 * the file never holds an empty value (empty cells are left out when staged),
 * so no policy erases anything.
 *
 * Canonical columns get one expression each. Custom attributes live in one
 * JSON object, so their policies filter the file's keys before they are
 * patched in; the common cases (every key overwritten, or every key kept)
 * need no filter at all.
 */

const isBlank = (value: string): string => `nullif(trim(${value}), '') IS NULL`;

function columnSet(key: string, policy: FieldPolicy): string | null {
  if (policy === 'keep') return null;
  if (policy === 'overwrite') return `${key} = coalesce(excluded.${key}, ${key})`;
  return `${key} = CASE WHEN ${isBlank(key)} THEN coalesce(excluded.${key}, ${key}) ELSE ${key} END`;
}

/** Whether the file's attribute `n` (a row of json_each) may land, under `policy`. */
function attributeAllowed(policy: FieldPolicy): string {
  if (policy === 'overwrite') return '1';
  if (policy === 'keep') return '0';
  return `NOT EXISTS (SELECT 1 FROM json_each(customers.attributes) o WHERE o.key = n.key AND NOT ${isBlank('o.value')})`;
}

export interface PolicySet {
  /** Comma-separated assignments for ON CONFLICT (id) DO UPDATE SET, without import_id and updated_at. */
  sql: string;
  /** Named parameters the SQL uses (custom keys with their own policy). */
  params: Record<string, string>;
}

export function policySetSql(input: ImportPolicy): PolicySet {
  const policy = normalisePolicy(input);
  const sets = CANONICAL_KEYS.filter((key) => key !== 'id').flatMap((key) => columnSet(key, policyOf(policy, key)) ?? []);
  const params: Record<string, string> = {};
  const exceptions = Object.entries(policy.fields).filter(([key]) => !isCanonicalKey(key));
  if (exceptions.length === 0) {
    if (policy.default === 'overwrite') sets.push('attributes = json_patch(attributes, excluded.attributes)');
    else if (policy.default === 'fill-blanks') sets.push(attributesSet(attributeAllowed('fill-blanks')));
  } else {
    const cases = exceptions.map(([key, value], index) => {
      params[`policyKey${index}`] = key;
      return `WHEN n.key = @policyKey${index} THEN ${attributeAllowed(value)}`;
    });
    sets.push(attributesSet(`CASE ${cases.join(' ')} ELSE ${attributeAllowed(policy.default)} END`));
  }
  return { sql: sets.join(',\n    '), params };
}

const attributesSet = (allowed: string): string =>
  `attributes = json_patch(attributes, (SELECT json_group_object(n.key, n.value) FROM json_each(excluded.attributes) n WHERE ${allowed}))`;
