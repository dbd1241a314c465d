import { z } from 'zod';
import { SegmentRule } from '../segments/rule';
import { FieldType } from '../fields/types/field-type';

/** Domain shapes that cross the contract. Inputs and outputs in contract.ts are built from these. */

export const Id = z.number().int().positive();

export const WorkspaceInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  counts: z.object({
    customers: z.number().int(),
    orders: z.number().int(),
    events: z.number().int(),
    templates: z.number().int(),
    segments: z.number().int(),
  }),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const RecentWorkspace = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

export const FieldKind = z.enum(['canonical', 'custom']);
export const FieldInfo = z.object({
  /** snake_case key, also the primary token name: `{{ loyalty_tier }}`. */
  key: z.string(),
  /** PascalCase alias token: `{{ LoyaltyTier }}`. */
  alias: z.string(),
  /** Human label, the original CSV header for custom attributes. */
  label: z.string(),
  kind: FieldKind,
  /** How many customers have a non-empty value. */
  filled: z.number().int(),
  sample: z.string().nullable(),
  /** How values are read for templates and rules (see shared/fields/types); text until an import types the field. */
  type: FieldType.default('text'),
  /** Why the type may surprise: ambiguous dates, or a later import whose column disagreed. */
  typeWarning: z.string().nullable().default(null),
});
export type FieldInfo = z.infer<typeof FieldInfo>;

/** Any stored typed value's JSON shape; which one a field holds is checked against its type when read (stored-value.ts). */
export const StoredTypedJson = z.union([
  z.number(),
  z.boolean(),
  z.string(),
  z.array(z.string()),
  z.object({ amount: z.number(), currency: z.string().nullable() }),
  z.object({ code: z.string(), name: z.string() }),
]);

export const Customer = z.object({
  id: z.string(),
  email: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  phone: z.string().nullable(),
  birth_date: z.string().nullable(),
  gender: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  /**
   * Typed fields' values as stored at import (`customers.typed`): numbers, booleans, ISO dates,
   * E.164 phones, {amount, currency}, {code, name}, lists. A value its type could not read is absent.
   */
  typed: z.record(z.string(), StoredTypedJson).optional(),
});
export type Customer = z.infer<typeof Customer>;

export const JobStatus = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatus>;

export const Rejection = z.object({
  line: z.number().int(),
  reason: z.string(),
  raw: z.string(),
});
export type Rejection = z.infer<typeof Rejection>;

/** A row imported with a caveat, e.g. an existing value kept because the new one looked garbled. */
export const ImportWarning = z.object({
  line: z.number().int(),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

/**
 * How a custom column also feeds canonical fields, row by row: a second phone
 * column fills `phone` where it is empty (the lowest rank with a value wins),
 * and a full-name column is split into first and last name where they are empty.
 */
export const ColumnFill = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fallback'), field: z.string(), rank: z.number().int() }),
  z.object({ kind: z.literal('split_name') }),
]);
export type ColumnFill = z.infer<typeof ColumnFill>;

export const ColumnMapping = z.object({
  header: z.string(),
  key: z.string(),
  kind: FieldKind,
  fills: ColumnFill.optional(),
  /** A type chosen for this column (the import wizard); the import then types the field so instead of detecting. */
  type: FieldType.optional(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** What an import brings in. */
export const ImportEntityName = z.enum(['customers', 'orders', 'events']);
export type ImportEntityName = z.infer<typeof ImportEntityName>;

export const ImportReport = z.object({
  importId: Id,
  file: z.string(),
  status: z.enum(['succeeded', 'failed', 'cancelled', 'interrupted', 'running']),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  /** Blank lines, and summary/footer lines at the end of a report, are skipped, not rejected (the message lists the footers). */
  rowsSkipped: z.number().int(),
  mapping: z.array(ColumnMapping),
  /** The first rejections, enough for a summary; page through the rest with imports.rejections. */
  rejections: z.array(Rejection),
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** New customers and updated ones (rowsCreated + rowsUpdated = rowsImported); with rowsRejected and rowsSkipped they add up to rowsRead. */
  rowsCreated: z.number().int(),
  rowsUpdated: z.number().int(),
  /** Physical lines in the file, header included (a record can span several). */
  linesInFile: z.number().int(),
  /** How the file was decoded ("UTF-8", "Windows-1252 (Western European)", …) and the detector's confidence, 0–100. */
  encoding: z.string().nullable(),
  encodingConfidence: z.number().int().nullable(),
  /** Rows imported with a warning, and the first of those warnings. */
  rowsWarned: z.number().int(),
  warnings: z.array(ImportWarning),
  /** What the file held. */
  entity: ImportEntityName,
  /** Orders or events kept without a customer (none in the workspace had their id or email); they attach when it is imported. */
  rowsUnlinked: z.number().int(),
  /** The first unlinked rows: the line and the customer key the file gave. */
  unlinked: z.array(z.object({ line: z.number().int(), customerKey: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const JobProgress = z.object({
  /** Work done so far, in `unit`. */
  done: z.number(),
  /** Total work when known (bytes of a file), otherwise null. */
  total: z.number().nullable(),
  unit: z.enum(['bytes', 'rows']),
  /** Rows seen so far, for the progress label. */
  rows: z.number().int(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** What re-typing a field did: values read under the new type, and those that did not, with a few examples. */
export const RetypeReport = z.object({
  key: z.string(),
  type: FieldType,
  status: z.enum(['succeeded', 'cancelled']),
  /** Values that read as the new type (stored typed). */
  parsed: z.number().int(),
  /** Values that did not; they stay text, and the field carries a warning saying how many. */
  failed: z.number().int(),
  examples: z.array(z.object({ id: z.string(), text: z.string(), reason: z.string() })),
  message: z.string().nullable(),
});
export type RetypeReport = z.infer<typeof RetypeReport>;

const jobOf = <K extends string, R extends z.ZodType>(kind: K, result: R) =>
  z.object({
    id: z.string(),
    kind: z.literal(kind),
    status: JobStatus,
    progress: JobProgress,
    message: z.string().nullable(),
    /** What the job produced, typed by its kind; null while it runs or when it failed before producing anything. */
    result: result.nullable(),
  });

/** A long job. Each kind declares its result type; add scoring, bulk QA and the like as further members. */
export const Job = z.discriminatedUnion('kind', [
  jobOf('import.customers', ImportReport),
  jobOf('import.orders', ImportReport),
  jobOf('import.events', ImportReport),
  jobOf('fields.retype', RetypeReport),
]);
export type JobKind = Job['kind'];
/** The result a job of kind K produces. */
export type JobResult<K extends JobKind = JobKind> = NonNullable<Extract<Job, { kind: K }>['result']>;
export type Job = z.infer<typeof Job>;

export const TemplateMeta = z.object({
  id: Id,
  name: z.string(),
  updatedAt: z.string(),
});
export type TemplateMeta = z.infer<typeof TemplateMeta>;

export const Template = TemplateMeta.extend({
  source: z.string(),
  createdAt: z.string(),
});
export type Template = z.infer<typeof Template>;

export const TemplateName = z.string().trim().min(1, 'A template needs a name.').max(120, 'Keep template names under 120 characters.');

export const Segment = z.object({
  id: Id,
  name: z.string(),
  rule: SegmentRule,
  count: z.number().int(),
  updatedAt: z.string(),
  /** Set when the stored rule cannot be read (saved by a newer Tailor, edited by hand): `rule` is then empty and unused. */
  problem: z.string().nullable().default(null),
});
export type Segment = z.infer<typeof Segment>;

export const PersonaSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer'), customerId: z.string().min(1) }),
  z.object({ kind: z.literal('segment'), segmentId: Id }),
]);
export type PersonaSource = z.infer<typeof PersonaSource>;

export const Persona = z.object({
  id: Id,
  label: z.string(),
  source: PersonaSource,
  position: z.number().int(),
});
export type Persona = z.infer<typeof Persona>;

export const Severity = z.enum(['error', 'warning']);
export const Diagnostic = z.object({
  severity: Severity,
  /** Where the problem was found: the Liquid parser, the MJML compiler, or rendering one persona. */
  source: z.enum(['liquid', 'mjml', 'render']),
  message: z.string(),
  /** 1-based line and column in the template source; null when the position is unknown. */
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const ResolvedToken = z.object({
  /** The token as written in the template, e.g. `FirstName` or `customer.city`. */
  name: z.string(),
  value: z.string().nullable(),
  /** True when the customer has no value for it, so a `default` filter (if any) applies. */
  missing: z.boolean(),
});
export type ResolvedToken = z.infer<typeof ResolvedToken>;

export const PersonaPreview = z.object({
  personaId: Id,
  label: z.string(),
  customer: z.object({ id: z.string(), displayName: z.string(), email: z.string().nullable() }).nullable(),
  /** Full rendered HTML document; the renderer adds its own CSP before showing it. */
  html: z.string().nullable(),
  tokens: z.array(ResolvedToken),
  /** Why there is no HTML: an empty segment, a render error. */
  problem: z.string().nullable(),
});
export type PersonaPreview = z.infer<typeof PersonaPreview>;

export const PreviewResult = z.object({
  diagnostics: z.array(Diagnostic),
  previews: z.array(PersonaPreview),
  compileMs: z.number(),
});
export type PreviewResult = z.infer<typeof PreviewResult>;

export const ExportResult = z.object({
  dir: z.string(),
  files: z.array(z.object({ path: z.string(), kind: z.enum(['compiled', 'text', 'persona']), bytes: z.number().int() })),
  diagnostics: z.array(Diagnostic),
  /** tailor-export.json, written last: the export is complete when it is there. */
  manifest: z.string(),
  /** Whether an earlier export in the same folder was replaced. */
  replaced: z.boolean(),
});
export type ExportResult = z.infer<typeof ExportResult>;

/** One saved state of a template, without its source (the history list). */
export const TemplateVersionMeta = z.object({
  id: Id,
  templateId: Id,
  /** original: the text before the first recorded save; edit: saves, coalesced while typing; restore: a restore. */
  kind: z.enum(['original', 'edit', 'restore']),
  /** For a restore, the version it brought back. */
  restoredFrom: Id.nullable(),
  createdAt: z.string(),
  /** When this version last absorbed a save; it is its time in the list. */
  savedAt: z.string(),
  bytes: z.number().int(),
});
export type TemplateVersionMeta = z.infer<typeof TemplateVersionMeta>;

export const TemplateVersion = TemplateVersionMeta.extend({ source: z.string() });
export type TemplateVersion = z.infer<typeof TemplateVersion>;

export const TrashedTemplate = TemplateMeta.extend({ deletedAt: z.string() });
export type TrashedTemplate = z.infer<typeof TrashedTemplate>;
