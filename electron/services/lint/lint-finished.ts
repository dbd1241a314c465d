import { htmlBytes } from '../../../shared/qa/lint/gmail-clip';
import type { LintOptions } from '../../../shared/qa/lint-types';
import { inlineCss, plainText } from '../email-html';
import type { LintedEmail } from '../render/tasks';
import { lintEmail } from './lint-email';

/**
 * Lints an email as it will be sent: CSS inlined (which is what Gmail's
 * clipping counts and what clients parse), with the plain-text part built the
 * way export builds it. Runs in a render worker (render/worker.ts).
 */
export function lintFinished(html: string, options: LintOptions): LintedEmail {
  const sent = inlineCss(html);
  return { findings: lintEmail(sent, options), text: plainText(html), bytes: htmlBytes(sent) };
}
