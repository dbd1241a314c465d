/**
 * One finding of the email lint (links, alt text, unsubscribe, client
 * support, Gmail clipping). The QA report, the CLI's exit code and the
 * studio's lint panel all read this shape.
 */
export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  /** Stable rule id, e.g. `link-empty`, `img-alt`, `unsubscribe`, `client-support`, `gmail-clip`. */
  rule: string;
  severity: LintSeverity;
  message: string;
  /** 1-based line in the HTML that was linted; null when the finding is about the whole email. */
  line: number | null;
  /** The offending markup or value, shortened. */
  excerpt: string | null;
}

export interface LintOptions {
  /** caniemail client globs the user cares about, e.g. `gmail.*`, `outlook.windows`. */
  clients: readonly string[];
  /** UTM parameters every tracked link must carry; empty when the workspace does not require them. */
  requiredUtm: readonly string[];
}
