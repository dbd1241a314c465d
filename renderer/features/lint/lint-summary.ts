import type { LintFinding, LintSeverity } from '../../../shared/qa/lint-types';

export const SEVERITY_ORDER: readonly LintSeverity[] = ['error', 'warning', 'info'];

/** "2 errors, 14 warnings" for the findings shown. */
export function lintSummary(findings: readonly LintFinding[]): string {
  const counts = SEVERITY_ORDER.map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const);
  const parts = counts
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity === 'info' ? 'note' : severity}${n === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'No problems found';
}

/** Comma- or space-separated UTM parameter names, as typed, into the settings' list. */
export const parseUtmList = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,]+/)
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean),
  ),
];
