import { z } from 'zod';
import { ESP_IDS } from '../esp/esp';
import { Diagnostic, ExportResult } from './schemas';

/** Schemas of the ESP export (issue 10): field maps, dialect previews, round-trip reports, audiences. */

export const EspIdSchema = z.enum(ESP_IDS);

export const EspFieldMapEntry = z.object({
  /** A field key, a score name or `segment:<name>`. */
  token: z.string(),
  kind: z.enum(['field', 'score', 'segment']),
  /** The name the export and the audience CSV use. */
  attribute: z.string(),
  suggested: z.string(),
  /** True when the workspace saved this name (else it is the suggestion). */
  saved: z.boolean(),
  /** True when the template asked about reads this token. */
  used: z.boolean(),
});
export type EspFieldMapEntry = z.infer<typeof EspFieldMapEntry>;

export const EspFieldMapResult = z.object({ esp: EspIdSchema, entries: z.array(EspFieldMapEntry) });
export type EspFieldMapResult = z.infer<typeof EspFieldMapResult>;

export const DialectWarningSchema = z.object({
  line: z.number().int().nullable(),
  construct: z.string(),
  message: z.string(),
  level: z.enum(['info', 'warning']).optional(),
});

export const RoundTripDifference = z.object({
  /** What Tailor's own render shows (visible text), empty when the ESP shows extra text. */
  expected: z.string(),
  /** What the ESP would show. */
  actual: z.string(),
});

export const RoundTripPersona = z.object({
  label: z.string(),
  customerId: z.string().nullable(),
  ok: z.boolean(),
  differences: z.array(RoundTripDifference),
  /** Why the persona could not be checked (no customer, a render error, a construct the evaluator does not read). */
  problem: z.string().nullable(),
});

export const RoundTripReport = z.object({
  esp: EspIdSchema,
  /** True when every persona's visible text matched. */
  ok: z.boolean(),
  personas: z.array(RoundTripPersona),
});
export type RoundTripReport = z.infer<typeof RoundTripReport>;

export const EspPreview = z.object({
  esp: EspIdSchema,
  /** The compiled HTML with Liquid (CSS inlined): what was converted. */
  original: z.string(),
  /** The same email in the ESP's language: what is exported. */
  source: z.string(),
  warnings: z.array(DialectWarningSchema),
  attributes: z.array(z.object({ token: z.string(), attribute: z.string(), expression: z.string().optional() })),
  diagnostics: z.array(Diagnostic),
  roundTrip: RoundTripReport,
});
export type EspPreview = z.infer<typeof EspPreview>;

export const EspExportResult = ExportResult.extend({
  esp: EspIdSchema,
  warnings: z.array(DialectWarningSchema),
  roundTrip: RoundTripReport,
});
export type EspExportResult = z.infer<typeof EspExportResult>;

/** What an audience export will write: the CSV's columns (ESP names, with the token each carries) and the member count. */
export const AudiencePlan = z.object({
  esp: EspIdSchema,
  segment: z.object({ id: z.number().int(), name: z.string() }),
  columns: z.array(z.object({ token: z.string(), attribute: z.string(), kind: z.enum(['field', 'score', 'segment', 'derived']) })),
  rows: z.number().int(),
});
export type AudiencePlan = z.infer<typeof AudiencePlan>;
