import { FieldPolicy, type ImportPolicy } from '../contract/schemas';
import { toSnakeKey } from '../fields/naming';

/**
 * The re-import policy as plain data, read the same way by the committer
 * (which turns it into SQL), the import dialog and the command line.
 */

/** What imports did before policies existed, and still do when none is given. */
export const DEFAULT_POLICY: ImportPolicy = { default: 'overwrite', fields: {} };

export const POLICY_LABELS: Record<FieldPolicy, string> = {
  overwrite: 'Overwrite',
  keep: 'Keep existing',
  'fill-blanks': 'Fill blanks only',
};

/** The policy of one field key. */
export const policyOf = (policy: ImportPolicy, key: string): FieldPolicy => policy.fields[key] ?? policy.default;

/** Only the exceptions that differ from the default, so an equivalent policy has one form. */
export function normalisePolicy(policy: ImportPolicy): ImportPolicy {
  const fields = Object.fromEntries(Object.entries(policy.fields).filter(([, value]) => value !== policy.default));
  return { default: policy.default, fields };
}

/** "Overwrite", or "Fill blanks only (email: keep existing, city: overwrite)". */
export function describePolicy(policy: ImportPolicy): string {
  const exceptions = Object.entries(normalisePolicy(policy).fields).map(([key, value]) => `${key}: ${POLICY_LABELS[value].toLowerCase()}`);
  return `${POLICY_LABELS[policy.default]}${exceptions.length > 0 ? ` (${exceptions.join(', ')})` : ''}`;
}

/**
 * One `field=policy` exception as typed on a command line ("email=keep",
 * "Loyalty Tier=fill-blanks"): the field is read as its snake_case key, the
 * policy by name. An error says what is expected.
 */
export function parseFieldPolicy(text: string): { key: string; policy: FieldPolicy } | { error: string } {
  const at = text.lastIndexOf('=');
  const key = at < 0 ? '' : toSnakeKey(text.slice(0, at));
  const value = at < 0 ? '' : text.slice(at + 1).trim();
  const policy = FieldPolicy.safeParse(value);
  if (key === '' || !policy.success) {
    return { error: `"${text}" is not field=policy; write it like email=keep, with policy overwrite, keep or fill-blanks.` };
  }
  return { key, policy: policy.data };
}
