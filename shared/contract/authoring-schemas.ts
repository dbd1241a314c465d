import { z } from 'zod';
import { Id } from './schemas';

/**
 * Authoring data stored beside templates: partials (reusable blocks a
 * template includes with `{% render 'name' %}`) and A/B variants.
 */

/** A partial's name is what templates write in `{% render 'name' %}`: a key, never a path. */
export const PartialName = z
  .string()
  .trim()
  .min(1, 'Give the partial a name.')
  .max(60, 'A partial name has at most 60 characters.')
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'A partial name uses lower-case letters, digits, "_" and "-" (e.g. footer, product_card).');

export const StoredPartial = z.object({
  id: Id,
  name: z.string(),
  /** HTML and Liquid, rendered where the template includes it. */
  source: z.string(),
  updatedAt: z.string(),
});
export type StoredPartial = z.infer<typeof StoredPartial>;

/** A variant's name is what the template tests: `{% if variant == 'B' %}`. */
export const VariantName = z
  .string()
  .trim()
  .min(1, 'Give the variant a name.')
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'A variant name uses letters, digits, "_" and "-" (e.g. A, B, short_subject).');

export const TemplateVariant = z.object({
  name: VariantName,
  /** Share of recipients, in percent; a template's variants add up to 100. */
  split: z.number().int().min(0).max(100),
  /** The subject line this variant sends (Liquid allowed); null keeps the template's own `mj-title` / `title`. */
  subject: z.string().max(500).nullable(),
});
export type TemplateVariant = z.infer<typeof TemplateVariant>;

/** Either no variants, or two to six with distinct names and splits adding up to 100. */
export const TemplateVariants = z
  .array(TemplateVariant)
  .max(6, 'A template has at most six variants.')
  .superRefine((variants, ctx) => {
    if (variants.length === 0) return;
    if (variants.length === 1) ctx.addIssue({ code: 'custom', message: 'An A/B test needs at least two variants.' });
    const names = new Set<string>();
    for (const variant of variants) {
      if (names.has(variant.name)) ctx.addIssue({ code: 'custom', message: `Two variants are named "${variant.name}".` });
      names.add(variant.name);
    }
    const total = variants.reduce((sum, variant) => sum + variant.split, 0);
    if (total !== 100) ctx.addIssue({ code: 'custom', message: `The splits add up to ${total}%, not 100%.` });
  });
