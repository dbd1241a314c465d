import { z } from 'zod';

/** The result of an RFM job (kind score.rfm): the summary itself is stored with the run and read with scores.rfm.summary. */
export const RfmOutcome = z.object({
  status: z.enum(['succeeded', 'cancelled']),
  message: z.string(),
  /** Customers scored (those with an order up to the as-of date). */
  customers: z.number().int().min(0),
  asOf: z.string(),
});
export type RfmOutcome = z.infer<typeof RfmOutcome>;
