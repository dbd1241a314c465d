import type { LintFinding } from '../../../shared/qa/lint-types';
import { attr, lineOf, startTag, type EmailTree } from './html-tree';

/** Schemes a mail link may use besides https: they open the reader's own apps, not a page. */
const APP_SCHEMES = new Set(['mailto:', 'tel:', 'sms:']);

/**
 * Every `<a href>`: empty and `#` links go nowhere, http is flagged by
 * clients and trackers alike, a link that does not parse is broken, and when
 * the workspace requires UTM parameters every web link must carry them.
 */
export function lintLinks(email: EmailTree, requiredUtm: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const element of email.elements) {
    if (element.tagName !== 'a' && element.tagName !== 'area') continue;
    const href = attr(element, 'href');
    if (href === undefined) continue; // A named anchor, not a link.
    const at = { line: lineOf(element), excerpt: startTag(email, element) };
    const value = href.trim();
    if (value === '') {
      findings.push({ rule: 'link-empty', severity: 'error', message: 'A link has an empty href: it goes nowhere.', ...at });
      continue;
    }
    if (value.startsWith('#')) {
      findings.push({
        rule: 'link-hash',
        severity: 'error',
        message: `A link points to "${value}", a placeholder that goes nowhere in an inbox.`,
        ...at,
      });
      continue;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      findings.push({
        rule: 'link-malformed',
        severity: 'error',
        message: `"${value}" is not a complete URL (it needs https:// and a host).`,
        ...at,
      });
      continue;
    }
    if (APP_SCHEMES.has(url.protocol)) continue;
    if (url.protocol !== 'https:') {
      const severity = url.protocol === 'http:' ? 'warning' : 'error';
      findings.push({ rule: 'link-https', severity, message: `A link uses ${url.protocol.replace(':', '')}, not https: ${value}`, ...at });
      continue;
    }
    const missing = requiredUtm.filter((name) => !url.searchParams.get(name));
    if (missing.length > 0)
      findings.push({
        rule: 'link-utm',
        severity: 'warning',
        message: `A link lacks ${missing.join(', ')}, which this workspace requires: ${value}`,
        ...at,
      });
  }
  return findings;
}
