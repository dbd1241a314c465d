import fs from 'node:fs';
import path from 'node:path';
import type { EmailClient } from '../../../shared/qa/lint/lint-settings';
import { assetsDir } from '../paths';

/** The caniemail API layout (see assets/caniemail/SOURCE.md), the parts the lint reads. */
interface CaniemailFile {
  nicenames: { family: Record<string, string>; platform: Record<string, string> };
  data: CaniemailFeature[];
}

export interface CaniemailFeature {
  slug: string;
  title: string;
  url: string;
  /** family → platform → version → support string ("y", "n #1", "a #2 #3", "u"). */
  stats: Record<string, Record<string, Record<string, string>>>;
  notes_by_num: Record<string, string> | null;
}

export type Support = 'yes' | 'no' | 'partial' | 'unknown';

export interface ClientSupport {
  support: Support;
  /** The notes caniemail attaches to that client's support, in full. */
  notes: string[];
}

export interface CaniemailData {
  readonly clients: readonly EmailClient[];
  readonly byTitle: ReadonlyMap<string, CaniemailFeature>;
}

export const CANIEMAIL_FILE = 'caniemail-features-2026-06-29.json';

let cached: CaniemailData | undefined;

/** Loaded once per thread, on first use (about 1 MB of JSON). */
export function caniemailData(file: string = path.join(assetsDir(), 'caniemail', CANIEMAIL_FILE)): CaniemailData {
  if (cached && file === path.join(assetsDir(), 'caniemail', CANIEMAIL_FILE)) return cached;
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as CaniemailFile;
  const byTitle = new Map(raw.data.map((feature) => [feature.title, feature]));
  const pairs = new Set<string>();
  for (const feature of raw.data)
    for (const [family, platforms] of Object.entries(feature.stats))
      for (const platform of Object.keys(platforms)) pairs.add(`${family}.${platform}`);
  const clients = [...pairs].sort().map((id) => {
    const [family = '', platform = ''] = id.split('.');
    return { id, label: `${raw.nicenames.family[family] ?? family} · ${raw.nicenames.platform[platform] ?? platform}` };
  });
  const data = { clients, byTitle };
  if (file === path.join(assetsDir(), 'caniemail', CANIEMAIL_FILE)) cached = data;
  return data;
}

/** `gmail.*` → every Gmail platform caniemail tests; exact ids pass through if caniemail knows them. */
export function expandClients(patterns: readonly string[], clients: readonly EmailClient[]): string[] {
  const ids = new Set<string>();
  for (const pattern of patterns) {
    if (pattern.endsWith('.*')) {
      const family = pattern.slice(0, -1);
      for (const client of clients) if (client.id.startsWith(family)) ids.add(client.id);
    } else if (clients.some((client) => client.id === pattern)) ids.add(pattern);
  }
  return [...ids];
}

const SUPPORT: Record<string, Support> = { y: 'yes', n: 'no', a: 'partial', u: 'unknown' };

/**
 * A client's support for a feature: the newest tested version's. caniemail
 * lists versions oldest first, and JSON object order keeps that, except that
 * integer-like keys ("2019") come first in ascending order, which is still
 * oldest first since they are years preceding any "2019-02"-style key. So the
 * last key is the newest; sorting keys as strings, as doiuse-email does, is
 * not ("2019" sorts after "16.80" but is older for Outlook for Mac).
 */
export function clientSupport(feature: CaniemailFeature, client: string): ClientSupport | null {
  const [family = '', platform = ''] = client.split('.');
  const versions = feature.stats[family]?.[platform];
  if (!versions) return null;
  const keys = Object.keys(versions);
  const newest = keys.at(-1);
  if (newest === undefined) return null;
  const value = (versions[newest] ?? 'u').trim();
  const support = SUPPORT[value.charAt(0)] ?? 'unknown';
  const notes = [...value.matchAll(/#(\d+)/g)].flatMap((match) => {
    const note = match[1] ? feature.notes_by_num?.[match[1]] : undefined;
    return note ? [note] : [];
  });
  return { support, notes };
}
