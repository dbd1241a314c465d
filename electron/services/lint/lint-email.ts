import type { LintFinding, LintOptions } from '../../../shared/qa/lint-types';
import { lintClientSupport } from './client-support';
import { parseEmail } from './html-tree';
import { lintImages } from './image-rules';
import { lintLinks } from './link-rules';
import { lintSize } from './size-rule';
import { lintUnsubscribe } from './unsubscribe-rule';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Lints one rendered email (Liquid already run, ideally with CSS inlined, as
 * it will be sent): links, alt text, an unsubscribe link, Gmail clipping and
 * support of its HTML and CSS in the user's clients. Errors first, then by line.
 */
export function lintEmail(html: string, options: LintOptions): LintFinding[] {
  const email = parseEmail(html);
  const findings = [
    ...lintLinks(email, options.requiredUtm),
    ...lintImages(email),
    ...lintUnsubscribe(email),
    ...lintSize(html),
    ...lintClientSupport(html, options.clients),
  ];
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.line ?? Infinity) - (b.line ?? Infinity));
}
