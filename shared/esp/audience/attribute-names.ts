import { defaultAttribute, defaultFieldMap } from '../dialects/field-map';
import type { EspFieldMap, EspId } from '../esp';

/**
 * The workspace's field map for one ESP: the names the user saved, the
 * converters' defaults (`dialects/field-map.ts`) for the rest, over every
 * token of the workspace, so an export and the audience CSV always agree on
 * a token's attribute. No two tokens share an attribute: a default that a
 * saved name took gets a number.
 */
export function effectiveFieldMap(esp: EspId, tokens: readonly string[], saved: EspFieldMap): Record<string, string> {
  const map: Record<string, string> = {};
  const taken = new Set<string>();
  const key = (name: string): string => name.toLowerCase();
  for (const token of tokens) {
    const name = saved[token];
    if (name !== undefined) {
      map[token] = name;
      taken.add(key(name));
    }
  }
  const defaults = defaultFieldMap(
    esp,
    tokens.filter((token) => map[token] === undefined),
  );
  for (const token of tokens) {
    if (map[token] !== undefined) continue;
    const base = defaults[token] ?? defaultAttribute(esp, token);
    let name = base;
    for (let n = 2; taken.has(key(name)); n++) {
      const suffix = String(n);
      name = esp === 'mailchimp' ? `${base.slice(0, 10 - suffix.length)}${suffix}` : `${base}_${suffix}`;
    }
    map[token] = name;
    taken.add(key(name));
  }
  return map;
}

/** Why a name cannot be an attribute at this ESP, or null. */
export function attributeNameProblem(esp: EspId, name: string): string | null {
  if (name.trim() === '') return 'it is empty';
  if (name !== name.trim()) return 'it starts or ends with a space';
  if (esp === 'mailchimp' && !/^[A-Z][A-Z0-9_]{0,9}$/.test(name))
    return 'a Mailchimp merge tag is up to 10 capital letters, digits or underscores, starting with a letter';
  if (esp === 'sfmc' && /["'%[\]]/.test(name)) return 'it holds a quote, % or a bracket, which AMPscript cannot name';
  if (esp === 'hubspot' && !/^[a-z][a-z0-9_]*$/.test(name))
    return 'a HubSpot internal property name is lower-case letters, digits and underscores';
  if (esp === 'braze' && /[${}'"]/.test(name)) return 'it holds $, {, } or a quote, which Braze Liquid cannot name';
  if (esp === 'klaviyo' && /['"]/.test(name)) return 'it holds a quote';
  return null;
}
