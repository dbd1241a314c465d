import { z } from 'zod';

/**
 * What bulk QA finds when it renders a template for every recipient of a
 * segment (or the workspace). The job result, the stored report, the contract
 * output and `tailor qa --json` all use these schemas.
 */

/** Gmail clips a message whose HTML is larger than this (102 KB, counted in bytes of the HTML). */
export const GMAIL_CLIP_BYTES = 102 * 1024;

/** How many example customers a finding keeps. */
export const QA_EXAMPLES = 5;

/** An output (`{{ … }}`) that printed nothing, or printed its `default:` fallback, per token as written. */
export const QaTokenStat = z.object({
  /** The variable as written, e.g. `FirstName` or `customer.city`. */
  token: z.string(),
  /** Lines of the template where such outputs are written (the author's source). */
  lines: z.array(z.number().int()),
  /** Recipients for whom an output of this token without `default:` printed nothing. */
  empty: z.number().int(),
  /** Recipients for whom an output with `default:` printed its fallback. */
  fallback: z.number().int(),
  emptyExamples: z.array(z.string()),
  fallbackExamples: z.array(z.string()),
});
export type QaTokenStat = z.infer<typeof QaTokenStat>;

/** One branch of an if / unless / case: how many recipients took it. */
export const QaBranchStat = z.object({
  /** `if`, `elsif`, `else`, `unless`, `when`; an implicit else (no else written) is `else` with `implicit`. */
  kind: z.enum(['if', 'elsif', 'else', 'unless', 'when']),
  implicit: z.boolean(),
  /** The condition as written (`ltv > 1000`), or for an else the condition of its tag's first branch. */
  condition: z.string(),
  /** Line of the tag in the author's source; null when it cannot be placed. */
  line: z.number().int().nullable(),
  /** Index of the branch's tag in reading order, to group branches of one tag. */
  tag: z.number().int(),
  taken: z.number().int(),
  examples: z.array(z.string()),
});
export type QaBranchStat = z.infer<typeof QaBranchStat>;

export const QaRenderError = z.object({
  message: z.string(),
  line: z.number().int().nullable(),
  count: z.number().int(),
  customerIds: z.array(z.string()),
});
export type QaRenderError = z.infer<typeof QaRenderError>;

/** A link or image address that is not a valid absolute URL once rendered. */
export const QaUrlProblem = z.object({
  /** The attribute as written in the compiled email (`href`, `src`). */
  attribute: z.string(),
  /** One rendered value that failed, shortened. */
  example: z.string(),
  reason: z.string(),
  count: z.number().int(),
  customerIds: z.array(z.string()),
});
export type QaUrlProblem = z.infer<typeof QaUrlProblem>;

/** A lint finding as `lintEmail` returns it (shared/qa/lint-types.ts), for the stored report. */
export const QaLintFinding = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  line: z.number().int().nullable(),
  excerpt: z.string().nullable(),
});

export const QaReport = z.object({
  templateId: z.number().int().nullable(),
  templateName: z.string(),
  /** The template version checked (its history entry), null for a source not saved as a template. */
  versionId: z.number().int().nullable(),
  /** sha256 of the source checked: a report is current while the template's source hashes the same. */
  sourceHash: z.string(),
  segmentId: z.number().int().nullable(),
  segmentName: z.string().nullable(),
  checkedAt: z.string(),
  recipients: z.number().int(),
  rendered: z.number().int(),
  ms: z.number(),
  /** Compile problems: when there are errors, nobody was rendered. */
  compileErrors: z.array(z.string()),
  tokens: z.array(QaTokenStat),
  branches: z.array(QaBranchStat),
  errors: z.array(QaRenderError),
  urls: z.array(QaUrlProblem),
  size: z.object({
    largestBytes: z.number().int(),
    largestCustomerId: z.string().nullable(),
    overGmailClip: z.number().int(),
    overGmailExamples: z.array(z.string()),
  }),
  /** The lint of the largest rendered email (the fullest version of it). */
  lint: z.array(QaLintFinding),
});
export type QaReport = z.infer<typeof QaReport>;

/** The `qa.run` job's result. */
export const QaOutcome = z.object({
  status: z.enum(['succeeded', 'cancelled', 'failed']),
  message: z.string().nullable(),
  recipients: z.number().int(),
  checked: z.number().int(),
  reportId: z.number().int().nullable(),
});
export type QaOutcome = z.infer<typeof QaOutcome>;

/** Branches of written code that no recipient takes (an implicit else is not code: it is not listed). */
export const untakenBranches = (report: Pick<QaReport, 'branches' | 'rendered'>): QaBranchStat[] =>
  report.rendered === 0 ? [] : report.branches.filter((branch) => branch.taken === 0 && !branch.implicit);

/** A stored report and whether it still describes the template as saved now. */
export const QaLatest = z.object({ id: z.number().int(), report: QaReport, current: z.boolean() });
export type QaLatest = z.infer<typeof QaLatest>;

/** What makes `tailor qa` fail in CI: a token empty without a fallback, a render error, a lint error. */
export function qaFailures(report: QaReport): string[] {
  const failures: string[] = [];
  for (const error of report.compileErrors) failures.push(`compile error: ${error}`);
  for (const token of report.tokens)
    if (token.empty > 0) failures.push(`{{ ${token.token} }} is empty without a fallback for ${token.empty} recipient(s)`);
  for (const error of report.errors) failures.push(`render error for ${error.count} recipient(s): ${error.message}`);
  for (const finding of report.lint) if (finding.severity === 'error') failures.push(`lint ${finding.rule}: ${finding.message}`);
  return failures;
}
