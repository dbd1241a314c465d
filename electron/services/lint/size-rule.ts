import { GMAIL_CLIP_BYTES, GMAIL_CLIP_WARN_BYTES, htmlBytes } from '../../../shared/qa/lint/gmail-clip';
import type { LintFinding } from '../../../shared/qa/lint-types';

const kb = (bytes: number): string => `${Math.round(bytes / 102.4) / 10} KB`;

/** Gmail clips the HTML past 102 KB, hiding the rest, unsubscribe link included. */
export function lintSize(html: string): LintFinding[] {
  const bytes = htmlBytes(html);
  if (bytes > GMAIL_CLIP_BYTES)
    return [
      {
        rule: 'gmail-clip',
        severity: 'error',
        message: `The HTML is ${kb(bytes)}: Gmail clips emails over ${kb(GMAIL_CLIP_BYTES)} and hides the rest behind "View entire message".`,
        line: null,
        excerpt: null,
      },
    ];
  if (bytes > GMAIL_CLIP_WARN_BYTES)
    return [
      {
        rule: 'gmail-clip',
        severity: 'warning',
        message: `The HTML is ${kb(bytes)}, close to Gmail's clipping limit of ${kb(GMAIL_CLIP_BYTES)}: a longer name or loop may cross it.`,
        line: null,
        excerpt: null,
      },
    ];
  return [];
}
