import { z } from 'zod';

/** One file inside a proofs zip. */
export const ProofFile = z.object({
  /** Path inside the zip, e.g. `personas/vip-gold.png`. */
  name: z.string(),
  kind: z.enum(['html', 'png', 'eml', 'contact-sheet', 'manifest']),
  bytes: z.number().int(),
});
export type ProofFile = z.infer<typeof ProofFile>;

/** What a proofs run produced, persona by persona. */
export const ProofPersona = z.object({
  label: z.string(),
  customer: z.string().nullable(),
  subject: z.string().nullable(),
  preheader: z.string().nullable(),
  /** The PNG's name in the zip; null when this persona could not be rendered. */
  png: z.string().nullable(),
  problem: z.string().nullable(),
});
export type ProofPersona = z.infer<typeof ProofPersona>;

/** The result of a `proofs.run` job. A cancelled or failed run writes no zip. */
export const ProofsOutcome = z.object({
  status: z.enum(['succeeded', 'cancelled', 'failed']),
  message: z.string(),
  /** The zip written, or null. */
  zip: z.string().nullable(),
  files: z.array(ProofFile),
  personas: z.array(ProofPersona),
});
export type ProofsOutcome = z.infer<typeof ProofsOutcome>;
