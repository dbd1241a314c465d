import { createRequire } from 'node:module';
import type * as DoIUseEmailModule from 'doiuse-email';
import type { LintFinding } from '../../../shared/qa/lint-types';
import { caniemailData, clientSupport, expandClients, type CaniemailData } from './caniemail-data';

interface Collector {
  readonly titles: Set<string>;
  check(html: string): unknown;
}

let collectorClass: (new () => Collector) | undefined;

/**
 * doiuse-email's parser and feature matchers, without its verdicts: every
 * feature title it would check is collected, and support is then read from
 * the current caniemail data (clientSupport), for the user's clients.
 * Loaded on first use (about 0.4 s), so render workers that never lint do
 * not pay for it when they start.
 */
function newCollector(): Collector {
  if (!collectorClass) {
    const { DoIUseEmail } = createRequire(__filename)('doiuse-email') as typeof DoIUseEmailModule;
    collectorClass = class extends DoIUseEmail implements Collector {
      readonly titles = new Set<string>();
      constructor() {
        // The client list only satisfies doiuse-email's constructor: verdicts are ours.
        super({ emailClients: ['gmail.*'] });
      }
      override checkFeaturesSupport(featureTitles: string | string[]): void {
        for (const title of [featureTitles].flat()) this.titles.add(title);
      }
    };
  }
  return new collectorClass();
}

/** Feature titles (caniemail's) an email's HTML and CSS use. */
export function featuresUsed(html: string): string[] {
  const collector = newCollector();
  try {
    collector.check(html);
  } catch {
    // A style block its CSS parser rejects: keep what was collected before it.
  }
  return [...collector.titles];
}

const list = (ids: string[]): string => (ids.length > 4 ? `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more` : ids.join(', '));

/**
 * One finding per feature: a warning when one of the user's clients does not
 * support it at all, info when support is partial. Not errors: MJML itself
 * relies on features Outlook ignores, with fallbacks, so "unsupported" means
 * "check it there", not "broken".
 */
export function lintClientSupport(html: string, patterns: readonly string[], data: CaniemailData = caniemailData()): LintFinding[] {
  const clients = expandClients(patterns, data.clients);
  if (clients.length === 0) return [];
  const findings: LintFinding[] = [];
  for (const title of featuresUsed(html)) {
    const feature = data.byTitle.get(title);
    if (!feature) continue;
    const none: string[] = [];
    const partial: string[] = [];
    const notes = new Set<string>();
    for (const client of clients) {
      const support = clientSupport(feature, client);
      if (!support) continue;
      if (support.support === 'no') none.push(client);
      if (support.support === 'partial') partial.push(client);
      if (support.support === 'no' || support.support === 'partial') for (const note of support.notes) notes.add(note);
    }
    const extra = notes.size > 0 ? ` Notes: ${[...notes].join(' ')}` : '';
    if (none.length > 0)
      findings.push({
        rule: 'client-support',
        severity: 'warning',
        message: `${title} is not supported by ${list(none)}${partial.length ? `, partly by ${list(partial)}` : ''}.${extra}`,
        line: null,
        excerpt: feature.url,
      });
    else if (partial.length > 0)
      findings.push({
        rule: 'client-support',
        severity: 'info',
        message: `${title} is only partly supported by ${list(partial)}.${extra}`,
        line: null,
        excerpt: feature.url,
      });
  }
  return findings;
}
