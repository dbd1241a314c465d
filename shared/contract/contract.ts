import { z } from 'zod';
import type { MethodName } from './methods';
import {
  Customer,
  Diagnostic,
  ResolvedToken,
  ExportResult,
  FieldInfo,
  Id,
  ImportReport,
  Job,
  Persona,
  PersonaSource,
  PreviewResult,
  RecentWorkspace,
  Rejection,
  Segment,
  Template,
  TemplateMeta,
  TemplateName,
  WorkspaceInfo,
  TemplateVersion,
  TemplateVersionMeta,
  TrashedTemplate,
  ImportEntityName,
  ImportPreview,
  ImportSettings,
  ImportPolicy,
  UndoImportResult,
  DedupMerge,
  DedupPair,
  SurvivorshipConfig,
} from './schemas';
import { RuleSetting, ValidationRule } from '../validation/rule-catalogue';
import { CustomerFlag } from './schemas';
import { AuditReport } from '../audit/report';
import { Condition } from '../segments/rule';
import { StoredRule } from '../segments/rule-tree';
import { AsOfDate, SegmentKind, SegmentOverview } from './schemas';
import { RfmSettings } from '../scores/rfm/settings';
import { AudiencePlan, EspExportResult, EspFieldMapResult, EspIdSchema, EspPreview } from './esp-schemas';
import { RfmRun } from '../scores/rfm/summary';
import { ActivityVocabulary } from './schemas';
import { FieldType } from '../fields/types/field-type';
import { ParseContext } from '../fields/types/parse-context';
import { ComputedTokenList, CustomerComputed, TokenDictionaryEntry } from './token-schemas';
import { PartialName, StoredPartial, TemplateVariant, TemplateVariants } from './authoring-schemas';
import { PredictionModel, PredictionRun, PredictionSettings } from '../scores/prediction-report';
import { IntentStartInput } from '../scores/intent/intent-settings';
import { IntentRun } from '../scores/intent/intent-summary';
import { CompiledHtml, CustomerMatch, CustomerSearchInput, PersonaStepInput, PersonaStepResult } from './studio-schemas';
import { ClusterName, ClustersRun, ClustersStartInput } from '../scores/clusters/cluster-run';
import { EmailClient, LintSettings } from '../qa/lint/lint-settings';
import { LintReport } from '../qa/lint/lint-report';
import { QaLatest } from '../qa/qa-report';
import { AnalysisPersonas } from '../qa/analysis-personas';

/**
 * The Tailor API, declared once: method name → input and output schemas.
 * Every host (Electron IPC, loopback HTTP, command line) serves this table
 * through `createDispatcher`, and every client is typed from it.
 */
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const NoInput = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const Path = z.string().trim().min(1, 'Give a file path.');
/** A stored template, or template source from elsewhere (the CLI renders .mjml files directly). */
const TemplateRef = z.union([z.object({ id: Id }), z.object({ name: z.string().min(1), source: z.string() })]);

/** A segment (id or name) to export for an ESP, and optionally the template whose derived columns it carries. */
const AudienceInput = z.object({ segment: z.union([Id, z.string().trim().min(1)]), esp: EspIdSchema, template: TemplateRef.optional() });

export const contract = {
  'app.info': method(
    NoInput,
    z.object({
      version: z.string(),
      host: z.enum(['desktop', 'browser', 'cli', 'direct']),
      /** Whether native file dialogs exist; browser mode uploads files and takes typed folder paths instead. */
      nativeDialogs: z.boolean(),
      homeDir: z.string(),
    }),
  ),

  'workspace.current': method(NoInput, WorkspaceInfo.nullable()),
  'workspace.open': method(z.object({ path: Path }), WorkspaceInfo),
  'workspace.create': method(z.object({ path: Path, demo: z.boolean().default(false) }), WorkspaceInfo),
  'workspace.recent': method(NoInput, z.array(RecentWorkspace)),

  'customers.list': method(
    z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
      search: z.string().max(200).default(''),
      segmentId: Id.optional(),
      /** An unsaved rule, for showing who a segment being edited would contain. */
      rule: StoredRule.optional(),
      /** The as-of date the rule (or segment) evaluates at; its own, else today, when omitted. */
      asOf: AsOfDate.nullable().optional(),
      /** Only customers an import flagged (validation rules). */
      flaggedOnly: z.boolean().default(false),
      /** Sort by a field, by its type (numbers numerically, dates as dates, blanks last); id order when omitted. */
      sort: z.object({ field: z.string().min(1), direction: z.enum(['asc', 'desc']).default('asc') }).optional(),
      /** The grid's column filters, all of which must hold: segment conditions, compared by type. */
      filters: z.array(Condition).max(20).optional(),
      /**
       * Count every match (`total`)? A count scans all matches (seconds at a million with a JSON filter), so a
       * client paging through one listing asks for it on its first page only; without it `total` is null.
       */
      withTotal: z.boolean().default(true),
    }),
    z.object({ total: z.number().int().nullable(), rows: z.array(Customer) }),
  ),
  'customers.get': method(z.object({ idOrEmail: z.string().trim().min(1) }), Customer.nullable()),
  'customers.fields': method(NoInput, z.array(FieldInfo)),

  'imports.start': method(
    z.object({
      path: Path,
      /** Name to show and record; browser uploads are staged under a temporary path. */
      displayName: z.string().optional(),
      /** What the file holds; the job kind is import.<entity>. */
      entity: ImportEntityName.default('customers'),
      /** The wizard's choices (encoding, delimiter, locale, columns); detection decides what is left out. */
      settings: ImportSettings.optional(),
      /** A customers import's re-import policy; overwrite when omitted. */
      policy: ImportPolicy.optional(),
    }),
    z.object({ jobId: z.string() }),
  ),
  'imports.list': method(NoInput, z.array(ImportReport)),
  'imports.rejections': method(
    z.object({ importId: Id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({ total: z.number().int(), rows: z.array(Rejection) }),
  ),

  'jobs.get': method(z.object({ jobId: z.string().min(1) }), Job),
  'jobs.cancel': method(z.object({ jobId: z.string().min(1) }), Job),

  'templates.list': method(NoInput, z.array(TemplateMeta)),
  'templates.get': method(z.object({ id: Id }), Template),
  'templates.create': method(z.object({ name: TemplateName, source: z.string().optional() }), Template),
  /**
   * `base`: the fingerprint (`textFingerprint`) of the text the editor last saw stored. When the stored text
   * differs (another window saved meanwhile), that text is first kept as a version of its own, and
   * `replacedOther` says so.
   */
  'templates.save': method(
    z.object({ id: Id, source: z.string(), base: z.string().optional() }),
    Template.extend({ replacedOther: z.boolean().optional() }),
  ),
  'templates.rename': method(z.object({ id: Id, name: TemplateName }), Template),
  'templates.delete': method(z.object({ id: Id }), Ok),
  /** Bundled starting points for "New template": the blank email first, then the starter designs. */
  'templates.starters': method(
    NoInput,
    z.array(
      z.object({
        name: z.string(),
        source: z.string(),
        /** One line for the gallery card. */
        description: z.string().optional(),
        /** MJML or raw HTML (see shared/templates/template-format.ts). */
        format: z.enum(['mjml', 'html']).optional(),
      }),
    ),
  ),

  'segments.list': method(NoInput, z.array(Segment)),
  'segments.save': method(
    z.object({
      id: Id.optional(),
      name: z.string().trim().min(1, 'A segment needs a name.').max(120),
      rule: StoredRule,
      kind: SegmentKind.default('dynamic'),
      asOf: AsOfDate.nullable().default(null),
    }),
    Segment,
  ),
  'segments.delete': method(z.object({ id: Id }), Ok),
  /** The live count while editing, with the first members; `segmentId` is the segment being edited (cycle check). */
  'segments.count': method(
    z.object({
      rule: StoredRule,
      asOf: AsOfDate.nullable().default(null),
      segmentId: Id.optional(),
      sample: z.number().int().min(0).max(50).default(0),
    }),
    z.object({ count: z.number().int(), sample: z.array(Customer).default([]) }),
  ),
  /** Re-take a segment's members now: a static segment's snapshot, a dynamic one's recorded count. */
  'segments.refresh': method(z.object({ id: Id }), Segment),
  'segments.overview': method(z.object({ asOf: AsOfDate.nullable().default(null) }), SegmentOverview),
  'segments.members': method(
    z.object({ id: Id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }),
    z.object({ total: z.number().int(), rows: z.array(Customer) }),
  ),
  /** What the rule builder offers in its pickers: the workspace's event types, categories and most frequent products. */
  'segments.vocabulary': method(NoInput, ActivityVocabulary),

  'personas.list': method(NoInput, z.array(Persona)),
  'personas.save': method(z.object({ id: Id.optional(), label: z.string().trim().min(1).max(80), source: PersonaSource }), Persona),
  'personas.delete': method(z.object({ id: Id }), Ok),

  'preview.render': method(
    z.object({
      source: z.string(),
      /** Which personas to render; all of them, in order, when omitted. */
      personaIds: z.array(Id).optional(),
      /** Render this A/B variant: its subject replaces the template's, and the template reads its name as `variant`. */
      variant: TemplateVariant.pick({ name: true, subject: true }).optional(),
    }),
    PreviewResult,
  ),

  'render.customer': method(
    z.object({ template: TemplateRef, customer: z.string().trim().min(1, 'Give a customer id or email.') }),
    z.object({ html: z.string().nullable(), diagnostics: z.array(Diagnostic), tokens: z.array(ResolvedToken) }),
  ),

  'export.run': method(
    z.object({
      template: TemplateRef,
      /** The parent folder: each export creates a new folder inside it. */
      dir: Path,
      /** Also write the email as each persona receives it. */
      personas: z.boolean().default(true),
      /** The folder to create in `dir`; the template's name and the local time when omitted. */
      folder: z.string().min(1).max(200).optional(),
      /** Replace an earlier Tailor export in that folder (never any other folder). */
      replace: z.boolean().default(false),
    }),
    ExportResult,
  ),
  /** A parent folder to offer, and the name of the folder an export made now would create in it. */
  'export.suggestDir': method(z.object({ template: TemplateRef }), z.object({ dir: z.string(), folder: z.string() })),
  /** Rewrite the open workspace without its free pages; sizes in bytes. */
  'workspace.compact': method(NoInput, z.object({ before: z.number().int(), after: z.number().int() })),

  /** A template's saved versions, newest first. */
  'templates.versions': method(z.object({ id: Id }), z.array(TemplateVersionMeta)),
  'templates.version': method(z.object({ versionId: Id }), TemplateVersion),
  /** Close the version being coalesced, so the next save starts a new one (explicit save, leaving a template). */
  'templates.checkpoint': method(z.object({ id: Id }), Ok),
  /** Make an old version current again; recorded as a new version, so it can itself be undone by restoring. */
  'templates.restoreVersion': method(z.object({ versionId: Id }), Template),
  /** Deleted templates, most recently deleted first. */
  'templates.trash': method(NoInput, z.array(TrashedTemplate)),
  /** Bring a template back from the trash; renamed if a live template took its name meanwhile. */
  'templates.restore': method(z.object({ id: Id }), Template),

  /**
   * The first rows of a CSV as an import would read them, with what was detected (encoding, delimiter, locale, per
   * column target and type) and a mapping saved for the same header. Reads a bounded sample, never the whole file.
   */
  'imports.preview': method(
    z.object({
      path: Path,
      displayName: z.string().optional(),
      /** What the file holds; guessed from the header row when left out. */
      entity: ImportEntityName.optional(),
      /** Choices to apply; left out, a saved mapping for this header (if any) is proposed. */
      settings: ImportSettings.optional(),
      rows: z.number().int().min(1).max(200).default(20),
    }),
    ImportPreview,
  ),
  /** Delete a browser upload the user did not import after all (only staged uploads; anything else is left alone). */
  'imports.discardUpload': method(z.object({ path: Path }), Ok),
  /** The validation rules imports apply, with this workspace's settings. */
  'validation.rules': method(NoInput, z.array(ValidationRule)),
  /** Set a rule to reject, flag or off (and its options); returns every rule. */
  'validation.setRule': method(RuleSetting, z.array(ValidationRule)),
  /** An import's rejected rows as CSV to fix and import again (the latest import with rejected rows when importId is left out). */
  'imports.rejectsCsv': method(
    z.object({ importId: Id.optional() }),
    z.object({ importId: Id, fileName: z.string(), rows: z.number().int(), csv: z.string() }),
  ),
  /** The validation flags a customer carries from the import that last brought it in. */
  'customers.flags': method(z.object({ customerId: z.string().min(1) }), z.array(CustomerFlag)),
  /**
   * Undo an import: the one named, or the last one that changed anything. Refused (conflict) unless it is the
   * last such import and nothing since depends on it; the message says why.
   */
  'imports.undo': method(z.object({ importId: Id.optional() }), UndoImportResult),
  /** Audit every field of the workspace in a worker (job kind audit.run); the report is stored and read with audit.latest. */
  'audit.start': method(NoInput, z.object({ jobId: z.string() })),
  /** The latest audit report of the open workspace, or null before the first audit. */
  'audit.latest': method(NoInput, AuditReport.nullable()),
  /**
   * Find likely duplicate customers in a worker job (kind `dedup`): pairs at or above `minScore` go to the review
   * queue; with `autoMergeAbove`, clusters linked at or above it are merged at once. Pairs marked "not a duplicate" are never proposed again.
   */
  'dedup.start': method(
    z.object({
      minScore: z.number().min(0).max(1).default(0.5),
      autoMergeAbove: z.number().min(0).max(1).nullable().default(null),
    }),
    z.object({ jobId: z.string() }),
  ),
  /** The review queue: pairs whose customers both still exist, pending before skipped, best score first. */
  'dedup.queue': method(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }),
    z.object({ total: z.number().int(), pairs: z.array(DedupPair) }),
  ),
  /** "Not a duplicate" (kept, never proposed again) or "skip" (to the end of the queue). */
  'dedup.decide': method(z.object({ pairId: Id, decision: z.enum(['distinct', 'skip']) }), Ok),
  /** Merge a pair: the survivor (the pair's default unless given) keeps the values survivorship chooses, and the other's orders and events. */
  'dedup.merge': method(z.object({ pairId: Id, survivorId: z.string().min(1).optional() }), DedupMerge),
  /** Merges, newest first, with their provenance. */
  'dedup.merges': method(
    z.object({ limit: z.number().int().min(1).max(500).default(100), includeUndone: z.boolean().default(false) }),
    z.array(DedupMerge),
  ),
  /** Undo a merge (and any later merge that built on it): both customers exactly as they were, orders and events back. */
  'dedup.undo': method(z.object({ mergeId: Id }), z.object({ undone: z.array(Id) })),
  'dedup.rules': method(NoInput, SurvivorshipConfig),
  'dedup.saveRules': method(SurvivorshipConfig, SurvivorshipConfig),
  /**
   * Change a field's type (and the locale its values are read with): a job that re-reads every stored
   * value of the field from its text; values that do not read as the new type are counted, with examples.
   * Canonical fields have fixed types: only their locale changes.
   */
  'customers.setFieldType': method(
    z.object({ key: z.string().trim().min(1), type: FieldType, locale: ParseContext.partial().optional() }),
    z.object({ jobId: z.string() }),
  ),
  /** Every score token (with its description and whether this workspace computed it) and every segment name, for completions. */
  'tokens.computed': method(NoInput, ComputedTokenList),
  /** One customer's computed scores (with their as-of dates) and the segments they are in. */
  'tokens.customer': method(z.object({ customerId: z.string().min(1) }), CustomerComputed),
  /** The workspace's token dictionary (names, fields, fallbacks, formats), for completion, rendering and export. */
  'tokens.dictionary': method(NoInput, z.array(TokenDictionaryEntry)),
  /** The workspace's RFM settings (bins, method, ordered tier rules), or the R rfm package's defaults. */
  'scores.rfm.settings.get': method(NoInput, RfmSettings),
  'scores.rfm.settings.save': method(RfmSettings, RfmSettings),
  /**
   * Recompute RFM scores in a worker (job kind score.rfm): as of `asOf` (default today), with `settings` (default the
   * saved ones). The scores rfm_r, rfm_f, rfm_m and rfm_tier replace the previous run's; a cancelled run keeps those.
   */
  'scores.rfm.run': method(
    z.object({ asOf: AsOfDate.optional(), settings: RfmSettings.optional() }).strict(),
    z.object({ jobId: z.string() }),
  ),
  /** The latest RFM run: its date, settings and summary (tier table, heatmap, counts per score), or null before the first. */
  'scores.rfm.summary': method(NoInput, RfmRun.nullable()),
  /**
   * Fit a predictive model and score every customer in a worker job (kind `predictions.run`): `churn` (BG/NBD:
   * churn_probability, expected_purchases in the next `days`) or `propensity` (logistic regression trained at
   * asOf − days: purchase_propensity, holdout AUC and calibration). A cancelled or impossible run keeps the previous scores.
   */
  'predictions.start': method(PredictionSettings, z.object({ jobId: z.string() })),
  /** The latest run of a prediction model (parameters, AUC, calibration, histogram), or null before the first. */
  'predictions.latest': method(z.object({ model: PredictionModel }), PredictionRun.nullable()),
  /**
   * Score purchase intent in a worker job (kind `intent.run`): weighted events of the window before the as-of date
   * (today when left out), optionally decayed by a half-life; stored as the `intent_score` of every customer.
   */
  'intent.start': method(IntentStartInput, z.object({ jobId: z.string() })),
  /** The latest intent run (settings, histogram, threshold and its segment), or null before the first. */
  'intent.latest': method(NoInput, IntentRun.nullable()),
  /** How many customers have an intent score at least `threshold` (the histogram's live count). */
  'intent.countAtLeast': method(z.object({ threshold: z.number().min(0) }), z.object({ count: z.number().int() })),
  /** Keep `threshold` with the intent run and create or update the "High intent" segment: intent_score ≥ threshold. */
  'intent.applyThreshold': method(
    z.object({ threshold: z.number().min(0) }),
    z.object({ segment: z.object({ id: Id, name: z.string() }), count: z.number().int() }),
  ),
  /**
   * Cluster customers with seeded K-Means in a worker job (kind `clusters.run`) on standardised features at the
   * as-of date; k from 2 to 8, or the best silhouette when left out. Each customer's cluster name is its `cluster` score.
   */
  'clusters.start': method(ClustersStartInput, z.object({ jobId: z.string() })),
  /** The latest clustering: k chart (silhouette and inertia), profile per cluster, names and medoids; null before the first. */
  'clusters.latest': method(NoInput, ClustersRun.nullable()),
  /** Rename a cluster: its members' `cluster` score changes with it. */
  'clusters.rename': method(z.object({ index: z.number().int().min(0), name: ClusterName }), ClustersRun),

  /** Every token's attribute name at an ESP (saved or suggested); `used` marks what the template reads. */
  'esp.fieldMap': method(z.object({ esp: EspIdSchema, template: TemplateRef.optional() }), EspFieldMapResult),
  /** Save attribute names for an ESP in this workspace; `null` goes back to the suggestion. */
  'esp.saveFieldMap': method(
    z.object({ esp: EspIdSchema, entries: z.array(z.object({ token: z.string().min(1), attribute: z.string().nullable() })).min(1) }),
    EspFieldMapResult,
  ),
  /** The template in the ESP's language beside the original, its warnings, and the round-trip check for every persona. */
  'esp.preview': method(z.object({ template: TemplateRef, esp: EspIdSchema, minify: z.boolean().default(false) }), EspPreview),
  /** Export for an ESP: HTML (CSS inlined, optional minify) and text in its language, into a new folder; round-trip checked. */
  'esp.export': method(
    z.object({
      template: TemplateRef,
      esp: EspIdSchema,
      dir: Path,
      folder: z.string().min(1).max(200).optional(),
      replace: z.boolean().default(false),
      minify: z.boolean().default(false),
    }),
    EspExportResult,
  ),
  /**
   * What an audience export of a segment for an ESP will write: its columns (the ESP's names; with `template`, also the
   * derived values its export asks for, e.g. a formatted date in Mailchimp) and how many contacts.
   */
  'esp.audiencePlan': method(AudienceInput, AudiencePlan),
  /**
   * Write a segment's members as the ESP's contact-import CSV in a job (kind `esp.audience`): personalization fields
   * and computed attributes under its names, formula-like values neutralised. The file appears only when complete;
   * an existing file is replaced only with `replace`.
   */
  'esp.audienceStart': method(AudienceInput.extend({ out: Path, replace: z.boolean().default(false) }), z.object({ jobId: z.string() })),
  /** The email lint's settings for this workspace (clients, required UTM parameters) and every client caniemail has data for. */
  'lint.settings': method(NoInput, z.object({ settings: LintSettings, clients: z.array(EmailClient) })),
  'lint.saveSettings': method(LintSettings, LintSettings),
  /**
   * Lint `source` as one persona receives it (the first persona when `personaId` is left out), CSS inlined as sent:
   * links, alt text, unsubscribe, client support, Gmail clipping; with the plain-text part to preview.
   */
  'lint.run': method(z.object({ source: z.string(), personaId: Id.optional() }), LintReport),
  /**
   * Proofs in a job (kind `proofs.run`): every persona's email as HTML, PNG screenshot and .eml, plus a contact sheet,
   * zipped into a new file in `dir`.
   */
  'proofs.start': method(z.object({ template: TemplateRef, dir: Path }), z.object({ jobId: z.string() })),
  /** A PNG of a finished proofs run (kept in memory for the last few runs), as a data URL to show. */
  'proofs.image': method(z.object({ jobId: z.string().min(1), name: z.string().min(1) }), z.object({ dataUrl: z.string() })),
  /** The persona picker's search: exact id or email first, then names, then any field (`field:value` for one field). */
  'customers.search': method(CustomerSearchInput, z.array(CustomerMatch)),
  /** Show the next, previous or a random member of a segment persona's segment (remembered as the persona's member). */
  'personas.step': method(PersonaStepInput, PersonaStepResult),
  /** The template as export writes it (MJML compiled, CSS inlined, Liquid kept), for the "Compiled HTML" pane. */
  'templates.compiled': method(z.object({ source: z.string() }), CompiledHtml),
  /** The workspace's partials: blocks templates include with `{% render 'name' %}`. */
  'partials.list': method(NoInput, z.array(StoredPartial)),
  /** Create a partial, or with `id` change its name and source; previews using it refresh. */
  'partials.save': method(z.object({ id: Id.optional(), name: PartialName, source: z.string().max(500_000) }), StoredPartial),
  'partials.delete': method(z.object({ id: Id }), Ok),
  /** Replace the token dictionary with this list, in this order. */
  'tokens.saveDictionary': method(z.object({ entries: z.array(TokenDictionaryEntry).max(500) }), z.array(TokenDictionaryEntry)),
  /** A template's A/B variants (none: not an A/B test). */
  'templates.variants': method(z.object({ id: Id }), TemplateVariants),
  /** Replace a template's variants: two to six, distinct names, splits adding up to 100; an empty list ends the test. */
  'templates.saveVariants': method(z.object({ id: Id, variants: TemplateVariants }), TemplateVariants),
  /**
   * Bulk QA in a pool of worker threads (job kind `qa.run`): render the saved template for every member of
   * `segmentId` (the whole workspace when left out) and store the report with the template's version.
   */
  'qa.start': method(z.object({ templateId: Id, segmentId: Id.optional() }).strict(), z.object({ jobId: z.string() })),
  /** The newest stored QA report of a template over a segment (or the workspace), and whether the template changed since. */
  'qa.latest': method(z.object({ templateId: Id, segmentId: Id.optional() }).strict(), QaLatest.nullable()),
  /**
   * Add personas chosen from the analysis: a representative of each segment, RFM tier and cluster (the medoid), and
   * edge cases (longest name, empty first name, most tokens missing, highest churn, most orders). Personas that
   * already show the same customer or segment are skipped. `templateId` says whose tokens count as missing.
   */
  'personas.fromAnalysis': method(z.object({ templateId: Id.optional() }).strict(), AnalysisPersonas),
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
/** What a caller passes: defaults may be left out. */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** One implementation of the whole API. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M> };

/** A typed caller, whatever the transport. */
export interface Client {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

// Compile-time proof that contract and METHOD_NAMES list the same methods.
type Missing = Exclude<MethodName, keyof Contract>;
type Extra = Exclude<keyof Contract, MethodName>;
const _exhaustive: [Missing, Extra] extends [never, never] ? true : never = true;
void _exhaustive;
