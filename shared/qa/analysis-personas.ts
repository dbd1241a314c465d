import { z } from 'zod';
import { Persona } from '../contract/schemas';

/** Why a persona was picked from the analysis. */
export const AnalysisPick = z.enum([
  'segment',
  'rfm-tier',
  'cluster-medoid',
  'longest-name',
  'empty-first-name',
  'most-tokens-missing',
  'highest-churn',
  'most-orders',
]);
export type AnalysisPick = z.infer<typeof AnalysisPick>;

export const AnalysisPersonas = z.object({
  added: z.array(Persona.extend({ pick: AnalysisPick })),
  /** Picks that found nobody or were already personas, with the reason ("no RFM run yet"). */
  skipped: z.array(z.object({ pick: AnalysisPick, reason: z.string() })),
});
export type AnalysisPersonas = z.infer<typeof AnalysisPersonas>;
