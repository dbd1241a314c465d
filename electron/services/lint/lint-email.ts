import type { LintFinding, LintOptions } from '../../../shared/qa/lint-types';

/**
 * Lints one rendered email. Placeholder until the lint lands: callers (bulk
 * QA, the `qa` command) can already depend on the signature.
 */
export function lintEmail(html: string, options: LintOptions): LintFinding[] {
  void html;
  void options;
  return [];
}
