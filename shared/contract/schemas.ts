import { z } from 'zod';
import { RuleTree } from '../segments/rule-tree';
import { AsOfDate } from '../scores/as-of-date';
import { FieldType } from '../fields/types/field-type';
import { ParseContext } from '../fields/types/parse-context';
import { RuleName } from '../validation/rule-catalogue';
import { AuditOutcome } from '../audit/report';
import { RfmOutcome } from '../scores/rfm/outcome';
import { PredictionOutcome } from '../scores/prediction-report';
import { IntentOutcome } from '../scores/intent/intent-summary';
import { ClustersOutcome } from '../scores/clusters/cluster-run';
import { ProofsOutcome } from '../proofs/proofs-report';
import { QaOutcome } from '../qa/qa-report';
import { AudienceOutcome } from '../esp/audience/audience-outcome';

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
  /** The day segments and scores are evaluated at when none is given (yyyy-mm-dd): today, or the demo's reference day. */
  defaultAsOf: z.string(),
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
  /** The locale the field's values were imported with, so the rule builder reads typed values as the engine does. */
  locale: ParseContext.nullish(),
  /** A few distinct values, most frequent first among the first customers (hover and completion show them). */
  samples: z.array(z.string()).default([]),
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

/** One reason a row was rejected: the validation rule that said so, or null for the import's own checks (shape, identity, …). */
export const RejectionReason = z.object({ rule: RuleName.nullable(), message: z.string() });
export type RejectionReason = z.infer<typeof RejectionReason>;

export const Rejection = z.object({
  line: z.number().int(),
  /** Every reason, one after the other. */
  reason: z.string(),
  raw: z.string(),
  /** The same reasons one by one, with their rule. */
  reasons: z.array(RejectionReason).default([]),
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
  /** The type the user chose for this column in the import wizard (or a mapping file): the import types the field so instead of detecting. */
  type: FieldType.optional(),
  /** The locale the user chose for the file; the detected one applies when unset. */
  locale: ParseContext.optional(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** What an import brings in. */
export const ImportEntityName = z.enum(['customers', 'orders', 'events']);
export type ImportEntityName = z.infer<typeof ImportEntityName>;

export const RuleCount = z.object({ rule: RuleName, label: z.string(), flagged: z.number().int(), rejected: z.number().int() });
export type RuleCount = z.infer<typeof RuleCount>;

/** A validation finding an imported customer carries (customer_flags). */
export const CustomerFlag = z.object({
  rule: RuleName,
  label: z.string(),
  message: z.string(),
  /** The likely correction, e.g. the address with gmail.com for gmial.com. */
  suggestion: z.string().nullable(),
  importId: z.number().int().nullable(),
});
export type CustomerFlag = z.infer<typeof CustomerFlag>;

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
  /** Rows imported with at least one validation flag (always set by this version; optional for reports built elsewhere). */
  rowsFlagged: z.number().int().optional(),
  /** Per validation rule: rows it flagged (among those imported) and rows it rejected. */
  ruleCounts: z.array(RuleCount).optional(),
  /** A customers import's re-import policy (null: overwrite, or another entity). */
  policy: z.lazy(() => ImportPolicy).nullable(),
  /** When the import was undone; its counts stay as history. */
  undoneAt: z.string().nullable(),
  /** Whether it is the import imports.undo would take now (the last one that changed anything); undo may still refuse. */
  canUndo: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** Survivorship: which value the surviving customer keeps per field when two records are merged (shared/dedup/survivorship.ts). */
export const SurvivorshipRule = z.enum(['most_recent', 'most_complete', 'preferred_source']);
export const SurvivorshipConfig = z.object({
  default: SurvivorshipRule,
  /** Per field key: email, first_name, loyalty_tier… */
  fields: z.record(z.string(), SurvivorshipRule).default({}),
  /** Import file names, most trusted first, for preferred_source. */
  preferredSources: z.array(z.string()).default([]),
});
export type SurvivorshipConfigInput = z.input<typeof SurvivorshipConfig>;

/** Per field, what the two records of a candidate pair had in common. */
export const DedupFieldOutcome = z.object({
  field: z.string(),
  label: z.string(),
  outcome: z.enum(['equal', 'similar', 'different', 'missing']),
  similarity: z.number(),
  /** Evidence in bits: positive for agreement, negative against. */
  weight: z.number(),
});
export type DedupFieldOutcome = z.infer<typeof DedupFieldOutcome>;

/** One value the survivor kept: the record it came from, and why. `value` is shown as text. */
export const DedupChosenValue = z.object({
  field: z.string(),
  value: z.string().nullable(),
  from: z.string(),
  reason: z.enum(['same', 'only_value', 'most_recent', 'most_complete', 'preferred_source']),
});

/** A merge with its provenance. */
export const DedupMerge = z.object({
  id: Id,
  survivorId: z.string(),
  mergedId: z.string(),
  survivorLabel: z.string(),
  mergedLabel: z.string(),
  score: z.number().nullable(),
  automatic: z.boolean(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
  chosen: z.array(DedupChosenValue),
  moved: z.object({ orders: z.number().int(), events: z.number().int() }),
  /** The survivor's orders and events now (null once it is no longer in the workspace). */
  survivorNow: z.object({ orders: z.number().int(), events: z.number().int() }).nullable(),
});
export type DedupMerge = z.infer<typeof DedupMerge>;

export const DedupCluster = z.object({
  ids: z.array(z.string()),
  pairs: z.array(z.object({ a: z.string(), b: z.string(), score: z.number(), explanation: z.string() })),
});
export type DedupCluster = z.infer<typeof DedupCluster>;

/** What a dedup run found (and merged, with auto-merge). */
export const DedupRunReport = z.object({
  status: z.enum(['succeeded', 'cancelled']),
  message: z.string().nullable(),
  customers: z.number().int(),
  compared: z.number().int(),
  /** Pairs at or above minScore now waiting in the review queue. */
  pairs: z.number().int(),
  minScore: z.number(),
  autoMergeAbove: z.number().nullable(),
  /** Clusters of likely duplicates at or above minScore, as found (before any automatic merge). */
  clusters: z.array(DedupCluster),
  merges: z.array(DedupMerge),
});
export type DedupRunReport = z.infer<typeof DedupRunReport>;

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
  jobOf('audit.run', AuditOutcome),
  jobOf('dedup', DedupRunReport),
  jobOf('fields.retype', RetypeReport),
  jobOf('score.rfm', RfmOutcome),
  jobOf('predictions.run', PredictionOutcome),
  jobOf('intent.run', IntentOutcome),
  jobOf('clusters.run', ClustersOutcome),
  jobOf('proofs.run', ProofsOutcome),
  jobOf('qa.run', QaOutcome),
  jobOf('esp.audience', AudienceOutcome),
]);
export type JobKind = Job['kind'];
/** The result a job of kind K produces. */
export type JobResult<K extends JobKind = JobKind> = NonNullable<Extract<Job, { kind: K }>['result']>;
export type Job = z.infer<typeof Job>;
/** An import job's report (null for other kinds of job, or while it runs): where callers used to read `job.result` when imports were the only jobs. */
export const importReportOf = (job: Job): ImportReport | null =>
  job.kind === 'import.customers' || job.kind === 'import.orders' || job.kind === 'import.events' ? job.result : null;

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

/** Dynamic segments re-evaluate on every read; static ones keep the members of their last refresh. */
export const SegmentKind = z.enum(['dynamic', 'static']);
export type SegmentKind = z.infer<typeof SegmentKind>;

export { AsOfDate };

export const Segment = z.object({
  id: Id,
  name: z.string(),
  rule: RuleTree,
  kind: SegmentKind.default('dynamic'),
  /** The date relative windows count back from; null: today. */
  asOf: AsOfDate.nullable().default(null),
  count: z.number().int(),
  updatedAt: z.string(),
  /** When the members were last taken (static: the snapshot's date), null before the first refresh. */
  refreshedAt: z.string().nullable().default(null),
  /** The member count at the refresh before the last one: "change since last refresh". */
  previousCount: z.number().int().nullable().default(null),
  /** Set when the stored rule cannot be read (saved by a newer Tailor, edited by hand): `rule` is then empty and unused. */
  problem: z.string().nullable().default(null),
});
export type Segment = z.infer<typeof Segment>;

/** Sizes and pairwise overlaps of every segment, at one as-of date. */
export const SegmentOverview = z.object({
  asOf: AsOfDate,
  segments: z.array(Segment.pick({ id: true, name: true, kind: true, count: true, previousCount: true, refreshedAt: true })),
  /** overlaps[i][j]: customers in both segments i and j, in `segments` order; the diagonal is each size. */
  overlaps: z.array(z.array(z.number().int())),
});
export type SegmentOverview = z.infer<typeof SegmentOverview>;

/** The names the rule builder's pickers offer, read from the workspace's orders and events. */
export const ActivityVocabulary = z.object({
  eventTypes: z.array(z.string()),
  /** Order and event categories, as written most often. */
  categories: z.array(z.string()),
  /** The most frequent products in events. */
  products: z.array(z.string()),
});
export type ActivityVocabulary = z.infer<typeof ActivityVocabulary>;

export const PersonaSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer'), customerId: z.string().min(1) }),
  z.object({
    kind: z.literal('segment'),
    segmentId: Id,
    /** The member shown (next / previous / random); the segment's first member when absent or no longer in it. */
    memberId: z.string().min(1).optional(),
  }),
  /** A hand-made persona: a profile typed in (field key → value), never stored as a customer. */
  z.object({ kind: z.literal('profile'), profile: z.record(z.string().trim().min(1).max(100), z.string().max(2000)) }),
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
  /** The A/B variant rendered, when one was asked for. */
  variant: z.string().optional(),
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
  files: z.array(z.object({ path: z.string(), kind: z.enum(['compiled', 'text', 'persona', 'variants']), bytes: z.number().int() })),
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

/** Where a column goes in an import: a known field, a custom attribute, or nowhere. */
export const ColumnTarget = z.enum(['canonical', 'custom', 'ignored']);
export type ColumnTarget = z.infer<typeof ColumnTarget>;

/** One column's choice in the import wizard or a mapping file, matched to the file's header by position and name. */
export const ColumnChoice = z.object({
  header: z.string(),
  target: ColumnTarget,
  /** The field key (canonical) or attribute key (custom); ignored for ignored columns. */
  key: z.string().max(200),
  /** Set only when the user chose the type; detection decides otherwise. */
  type: FieldType.optional(),
});
export type ColumnChoice = z.infer<typeof ColumnChoice>;

export const CsvDelimiter = z.enum([',', ';', '\t', '|']);
export type CsvDelimiter = z.infer<typeof CsvDelimiter>;

/**
 * What the user decided about a file, overriding detection: each is optional,
 * and detection fills whatever is left out. `columns` lists every column of
 * the header row, in order.
 */
export const ImportSettings = z.object({
  /** An iconv-lite encoding name ("utf-8", "windows-1252", …). */
  encoding: z.string().trim().min(1).max(40).optional(),
  delimiter: CsvDelimiter.optional(),
  locale: ParseContext.optional(),
  columns: z.array(ColumnChoice).max(2000).optional(),
});
export type ImportSettings = z.infer<typeof ImportSettings>;

/** One column as the wizard shows it: where it goes, its type (chosen or detected) and what detection said. */
export const PreviewColumn = ColumnChoice.extend({
  type: FieldType,
  detectedType: FieldType,
  /** Share of the sample's non-empty values that read as `type`'s detection (0–1). */
  confidence: z.number(),
  warnings: z.array(z.string()),
});
export type PreviewColumn = z.infer<typeof PreviewColumn>;

/** The first rows of a file as an import with these settings would read them. */
export const ImportPreview = z.object({
  file: z.string(),
  bytes: z.number().int(),
  /** Bytes the preview read (the start of the file); less than `bytes` for big files. */
  sampledBytes: z.number().int(),
  entity: ImportEntityName,
  /** What the header row looks like it holds, or null when it is not obvious. */
  guessedEntity: ImportEntityName.nullable(),
  encoding: z.object({
    encoding: z.string(),
    label: z.string(),
    confidence: z.number().int(),
    /** Decided from the sample only: the import decides on the whole file unless the user picks one. */
    provisional: z.boolean(),
  }),
  delimiter: CsvDelimiter,
  locale: ParseContext,
  localeWarnings: z.array(z.string()),
  columns: z.array(PreviewColumn),
  /** The first data rows, cells as parsed (not yet typed). */
  rows: z.array(z.array(z.string())),
  /** Data rows in the sample (detection read these). */
  sampleRows: z.number().int(),
  /** The settings this preview applied, complete: edit them and send them back to preview again or to import. */
  settings: ImportSettings,
  /** A mapping saved for this header row (and entity) by an earlier successful import, and whether this preview used it. */
  saved: z.object({ savedAt: z.string(), applied: z.boolean() }).nullable(),
  /** Why the import would fail as set up (no email column, two columns for one field…), and what to do; null when it can start. */
  problem: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
/**
 * What a re-import does to a field of a customer who is already in the
 * workspace: `overwrite` takes the file's value (an empty cell never erases),
 * `keep` never changes it, `fill-blanks` sets it only where it is empty. New
 * customers always get every value.
 */
export const FieldPolicy = z.enum(['overwrite', 'keep', 'fill-blanks']);
export type FieldPolicy = z.infer<typeof FieldPolicy>;

/** A customers import's policy: one for every field, and exceptions by field key (canonical or custom). */
export const ImportPolicy = z.object({
  default: FieldPolicy,
  fields: z.record(z.string().min(1), FieldPolicy).default({}),
});
export type ImportPolicy = z.infer<typeof ImportPolicy>;

/** What undoing an import did. */
export const UndoImportResult = z.object({
  importId: Id,
  file: z.string(),
  entity: ImportEntityName,
  /** Rows the import had created, now deleted. */
  deleted: z.number().int(),
  /** Rows the import had updated, now back to their earlier values. */
  restored: z.number().int(),
  /** Earlier orders and events the import had attached to a customer, unlinked again. */
  detached: z.number().int(),
  undoneAt: z.string(),
});
export type UndoImportResult = z.infer<typeof UndoImportResult>;
/** One side of a candidate pair as the review queue shows it. */
export const DedupSide = z.object({
  customer: Customer,
  orders: z.number().int(),
  events: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The import file the record came from, when known. */
  source: z.string().nullable(),
});
export type DedupSide = z.infer<typeof DedupSide>;

export const DedupPair = z.object({
  id: Id,
  score: z.number(),
  weight: z.number(),
  explanation: z.string(),
  fields: z.array(DedupFieldOutcome),
  status: z.enum(['pending', 'skipped']),
  a: DedupSide,
  b: DedupSide,
  /** The record a merge keeps by default (the older one). */
  survivorId: z.string(),
});
export type DedupPair = z.infer<typeof DedupPair>;
