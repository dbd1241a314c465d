import { z } from 'zod';
import type { LintFinding } from '../lint-types';

export const LintFindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  line: z.number().int().nullable(),
  excerpt: z.string().nullable(),
}) satisfies z.ZodType<LintFinding>;

/** The lint of one persona's email as it would be sent (CSS inlined), with its plain-text part and size. */
export const LintReport = z.object({
  personaId: z.number().int().nullable(),
  personaLabel: z.string().nullable(),
  findings: z.array(LintFindingSchema),
  /** The generated plain-text part, to preview. */
  text: z.string(),
  /** Size of the HTML in bytes (UTF-8), what Gmail's clipping counts. */
  bytes: z.number().int(),
  /** Why nothing was linted (no persona to render, a template error), else null. */
  problem: z.string().nullable(),
});
export type LintReport = z.infer<typeof LintReport>;
