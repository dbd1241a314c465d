import { ContractError } from '../../../shared/contract/envelope';
import type { EspExportResult, EspFieldMapEntry, EspPreview } from '../../../shared/contract/esp-schemas';
import { effectiveFieldMap } from '../../../shared/esp/audience/attribute-names';
import { derivedAttributes } from '../../../shared/esp/audience/derived-values';
import { defaultAttribute } from '../../../shared/esp/dialects/field-map';
import { ESP_NAMES, type DialectAttribute, type DialectOutput, type EspId } from '../../../shared/esp/esp';
import { templateTokens, toDialect } from '../../../shared/esp/to-dialect';
import { atAuthorLines } from '../../../shared/esp/warning-lines';
import { fieldCatalogue } from '../../workspace/customers-repo';
import type { Db } from '../../workspace/db';
import { savedFieldMap } from '../../workspace/esp-field-maps-repo';
import { exportFolderName, ExportWriter, slug } from '../export-folder';
import { compileForExport, finishForExport } from '../render/service';
import { workspaceRenderInputs } from '../render/workspace-inputs';
import { standaloneLiquid } from '../../../shared/templates/standalone-liquid';
import type { CompiledSource } from '../render/tasks';
import { describeDiagnostic, hasErrors } from '../template-compiler';
import { usedTokens, workspaceTokens } from './esp-tokens';
import { finishAndCheck, type RoundTripPersonaInput } from './round-trip';

/** The workspace's field map for an ESP, every token with its name, and which ones the template reads (`used`). */
export function fieldMapEntries(db: Db, esp: EspId, used: ReadonlySet<string> = new Set()): EspFieldMapEntry[] {
  const tokens = workspaceTokens(db);
  const saved = savedFieldMap(db, esp);
  const map = effectiveFieldMap(
    esp,
    tokens.map((t) => t.token),
    saved,
  );
  return tokens.map(({ token, kind }) => ({
    token,
    kind,
    attribute: map[token] ?? defaultAttribute(esp, token),
    suggested: defaultAttribute(esp, token),
    saved: Object.hasOwn(saved, token),
    used: used.has(token),
  }));
}

const asMap = (entries: readonly EspFieldMapEntry[]): Record<string, string> =>
  Object.fromEntries(entries.map((entry) => [entry.token, entry.attribute]));

interface Converted {
  compiled: CompiledSource;
  /** Compiled HTML, Liquid intact, CSS inlined: what the converter reads. */
  original: string;
  html: DialectOutput;
  text: DialectOutput;
  fieldMap: Record<string, string>;
}

/** The template as it leaves the workspace: compiled with its partials, then standing alone (`standaloneLiquid`). */
async function standaloneTemplate(db: Db, source: string): Promise<{ compiled: CompiledSource; liquid: string | null }> {
  const inputs = workspaceRenderInputs(db);
  const compiled = await compileForExport(source, inputs.partials);
  const liquid = compiled.html === null ? null : standaloneLiquid(compiled.html, inputs.partials ?? {}, inputs.dictionary ?? []).html;
  return { compiled, liquid };
}

/** The field map with what `source` reads marked: its own tokens, its partials' and its dictionary tokens' fields. */
export async function templateFieldMap(db: Db, esp: EspId, source: string): Promise<EspFieldMapEntry[]> {
  const { compiled, liquid } = await standaloneTemplate(db, source);
  const used = usedTokens(compiled.variables, workspaceTokens(db));
  for (const token of liquid === null ? [] : templateTokens(liquid)) used.add(token);
  return fieldMapEntries(db, esp, used);
}

/** Compile, inline CSS, convert HTML and text part to the ESP's language. */
async function convert(db: Db, name: string, source: string, esp: EspId): Promise<Converted> {
  // What the ESP gets stands alone: the workspace's partials inlined, dictionary tokens written as their fields.
  const { compiled, liquid } = await standaloneTemplate(db, source);
  if (hasErrors(compiled.diagnostics) || liquid === null) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error');
    throw new ContractError(
      'invalid_input',
      `"${name}" has errors, so it was not converted for ${ESP_NAMES[esp]}. ${first ? describeDiagnostic(first) : ''}`.trim(),
    );
  }
  const finished = await finishForExport(liquid, { text: true });
  const fieldMap = asMap(fieldMapEntries(db, esp));
  const fields = fieldCatalogue(db);
  const converted = toDialect(finished.html, esp, fieldMap, { fields });
  const html = { ...converted, warnings: atAuthorLines(converted.warnings, source, finished.html) };
  const text = toDialect(finished.text ?? '', esp, fieldMap, { fields });
  return { compiled, original: finished.html, html, text, fieldMap };
}

/**
 * The derived attributes an export of `template` for `esp` asks the audience
 * to carry (values the ESP cannot compute, HTML and text part): the audience
 * CSV's extra columns.
 */
export async function derivedForTemplate(db: Db, template: { name: string; source: string }, esp: EspId): Promise<DialectAttribute[]> {
  const converted = await convert(db, template.name, template.source, esp);
  return derivedAttributes(converted.html.attributes, converted.text.attributes);
}

/** Minify when asked and run the round-trip check on exactly that HTML, both off the services thread. */
async function check(
  db: Db,
  source: string,
  esp: EspId,
  converted: Converted,
  minify: boolean,
  personas: readonly RoundTripPersonaInput[],
) {
  return finishAndCheck({
    esp,
    template: source,
    converted: converted.html.source,
    minify,
    fieldMap: converted.fieldMap,
    derived: derivedAttributes(converted.html.attributes),
    personas,
    fields: fieldCatalogue(db),
    inputs: workspaceRenderInputs(db),
  });
}

/** What the export dialog shows: the original beside the ESP's source, warnings, and the round-trip check. */
export async function previewForEsp(
  db: Db,
  template: { name: string; source: string },
  options: { esp: EspId; minify: boolean; personas: readonly RoundTripPersonaInput[] },
): Promise<EspPreview> {
  const { esp, minify } = options;
  const converted = await convert(db, template.name, template.source, esp);
  const { source, report } = await check(db, template.source, esp, converted, minify, options.personas);
  return {
    esp,
    original: converted.original,
    source,
    warnings: converted.html.warnings,
    attributes: converted.html.attributes,
    diagnostics: [...converted.compiled.diagnostics],
    roundTrip: report,
  };
}

/**
 * Export for one ESP into a new folder (the export writer's rules: a fresh
 * folder, or a Tailor export replaced on request): the HTML and the text
 * part in the ESP's language. The round-trip check runs on exactly the HTML
 * written.
 */
export async function exportForEsp(
  db: Db,
  template: { name: string; source: string },
  options: {
    esp: EspId;
    dir: string;
    folder?: string | undefined;
    replace: boolean;
    minify: boolean;
    personas: readonly RoundTripPersonaInput[];
    now?: Date;
  },
): Promise<EspExportResult> {
  const { esp } = options;
  const converted = await convert(db, template.name, template.source, esp);
  const { source, report } = await check(db, template.source, esp, converted, options.minify, options.personas);
  const at = options.now ?? new Date();
  const writer = ExportWriter.open(options.dir, options.folder ?? `${exportFolderName(template.name, at)} ${esp}`, options.replace);
  try {
    const base = `${slug(template.name)}-${esp}`;
    const files: EspExportResult['files'] = [
      writer.add(`${base}.html`, source, 'compiled'),
      writer.add(`${base}.txt`, converted.text.source, 'text'),
    ];
    const { manifest, replaced } = writer.publish(template.name, at);
    return {
      dir: writer.target,
      files,
      manifest,
      replaced,
      diagnostics: [...converted.compiled.diagnostics],
      esp,
      warnings: converted.html.warnings,
      roundTrip: report,
    };
  } catch (error) {
    writer.abandon();
    throw error;
  }
}
