import { z } from 'zod';
import { Customer, Diagnostic, Id, Persona } from './schemas';

/** Which field a persona search matched, so the picker can say why a customer is listed. */
export const CustomerMatch = z.object({
  customer: Customer,
  /** The field key (`email`, `city`, `loyalty_tier`…) and the value that matched; null for an id match. */
  matched: z.object({ field: z.string(), value: z.string() }).nullable(),
});
export type CustomerMatch = z.infer<typeof CustomerMatch>;

export const CustomerSearchInput = z.object({
  /** Free text over id, name, email and every field, or `field:value` to look in one field only. */
  query: z.string().trim().min(1).max(200),
  limit: z.number().int().min(1).max(50).default(20),
});

export const PersonaStepInput = z.object({
  id: Id,
  direction: z.enum(['next', 'previous', 'random']),
});

export const PersonaStepResult = z.object({
  persona: Persona,
  /** The member now shown, with their place among the segment's members in id order (1-based). */
  member: z.object({ id: z.string(), displayName: z.string(), position: z.number().int(), count: z.number().int() }).nullable(),
});
export type PersonaStepResult = z.infer<typeof PersonaStepResult>;

export const CompiledHtml = z.object({
  format: z.enum(['mjml', 'html']),
  /** What export writes as the template's HTML: MJML compiled, CSS inlined, Liquid kept; null when it has errors. */
  html: z.string().nullable(),
  bytes: z.number().int(),
  diagnostics: z.array(Diagnostic),
});
export type CompiledHtml = z.infer<typeof CompiledHtml>;
