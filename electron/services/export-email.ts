import { ContractError } from '../../shared/contract/envelope';
import type { Customer, Diagnostic, ExportResult } from '../../shared/contract/schemas';
import type { FieldCatalogue } from '../../shared/fields/catalogue';
import type { ComputedTokens } from '../../shared/templates/computed-tokens';
import { exportFolderName, ExportWriter, slug } from './export-folder';
import { compileForExport, finishForExport, renderForExport } from './render/service';
import { describeDiagnostic, hasErrors } from './template-compiler';
import type { TemplateVariant } from '../../shared/contract/authoring-schemas';
import type { TokenDictionaryEntry } from '../../shared/contract/token-schemas';
import { standaloneLiquid } from '../../shared/templates/standalone-liquid';
import { pinVariant, variantSource } from '../../shared/templates/variants';

export interface ExportPersona {
  label: string;
  customer: Customer | null;
  /** The customer's scores and segments, for their email. */
  computed?: ComputedTokens | undefined;
}

export { slug } from './export-folder';

/**
 * Export one template into a new folder inside `dir` (or, with `replace`,
 * over an earlier Tailor export of the same name): the compiled HTML with
 * Liquid tokens kept and CSS inlined (to paste into an ESP), a plain-text
 * part, the email as each persona receives it, and a manifest that marks the
 * export complete. With A/B variants, each variant gets its own files.
 */
export async function exportEmail(options: {
  name: string;
  source: string;
  dir: string;
  /** The folder to create inside `dir`; the template's name and the local time when omitted. */
  folder?: string | undefined;
  replace?: boolean;
  personas: ExportPersona[];
  /** The workspace's typed fields, for the personas' emails. */
  fields?: FieldCatalogue;
  /** The workspace's partials, inlined into the exported Liquid. */
  partials?: Readonly<Record<string, string>>;
  /** The workspace's token dictionary, written out as fields in the exported Liquid. */
  dictionary?: readonly TokenDictionaryEntry[];
  /** A/B variants: one compiled file (and persona set) per variant, and variants.json with the splits. */
  variants?: readonly TemplateVariant[];
  now?: Date;
}): Promise<ExportResult> {
  const inputs = { partials: options.partials ?? {}, dictionary: options.dictionary ?? [] };
  const variants = options.variants && options.variants.length > 1 ? options.variants : null;
  // One edition per A/B variant (its subject compiled in), or the template as it is.
  const editions = await Promise.all(
    (variants ?? [null]).map(async (variant) => ({
      variant,
      compiled: await compileForExport(variant ? variantSource(options.source, variant) : options.source, inputs.partials),
    })),
  );
  for (const { variant, compiled } of editions) {
    if (hasErrors(compiled.diagnostics) || compiled.html === null) {
      const first = compiled.diagnostics.find((d) => d.severity === 'error');
      const which = variant ? ` (variant ${variant.name})` : '';
      throw new ContractError(
        'invalid_input',
        `"${options.name}"${which} has errors, so it was not exported. ${first ? describeDiagnostic(first) : ''}`.trim(),
      );
    }
  }
  const at = options.now ?? new Date();
  const writer = ExportWriter.open(options.dir, options.folder ?? exportFolderName(options.name, at), options.replace ?? false);
  try {
    const base = slug(options.name);
    const files: ExportResult['files'] = [];
    const used = new Set<string>();
    const notes: Diagnostic[] = [];
    const variantFiles: { name: string; split: number; subject: string | null; file: string }[] = [];
    for (const { variant, compiled } of editions) {
      const html = compiled.html ?? '';
      const stem = variant ? `${base}--variant-${slug(variant.name)}` : base;
      // The exported Liquid stands alone: partials inlined, dictionary tokens written out as their fields, the variant pinned.
      const standalone = standaloneLiquid(html, inputs.partials, inputs.dictionary);
      for (const message of standalone.kept) notes.push({ severity: 'warning', source: 'liquid', message, line: null, column: null });
      const finished = await finishForExport(variant ? pinVariant(standalone.html, variant.name) : standalone.html, { text: true });
      files.push(writer.add(`${stem}.html`, finished.html, 'compiled'));
      files.push(writer.add(`${stem}.txt`, finished.text ?? '', 'text'));
      if (variant) variantFiles.push({ name: variant.name, split: variant.split, subject: variant.subject, file: `${stem}.html` });

      for (const persona of options.personas) {
        if (!persona.customer) continue;
        const rendered = await renderForExport(compiled, persona.customer, options.fields, persona.computed, {
          ...inputs,
          variant: variant?.name,
        });
        if (rendered.html === null) {
          // Say which persona is missing from the export and why, rather than leaving it out silently.
          const problem = rendered.diagnostic ?? {
            severity: 'error',
            source: 'render',
            message: rendered.problem ?? '',
            line: null,
            column: null,
          };
          const which = variant ? ` (variant ${variant.name})` : '';
          notes.push({
            ...problem,
            severity: 'warning',
            message: `Persona "${persona.label}"${which} was not exported: ${problem.message}`,
          });
          continue;
        }
        let name = `${stem}--${slug(persona.label)}`;
        for (let n = 2; used.has(name); n++) name = `${stem}--${slug(persona.label)}-${n}`;
        used.add(name);
        files.push(writer.add(`personas/${name}.html`, (await finishForExport(rendered.html, { text: false })).html, 'persona'));
      }
    }
    if (variantFiles.length > 0)
      files.push(writer.add('variants.json', `${JSON.stringify({ variants: variantFiles }, null, 2)}\n`, 'variants'));
    const diagnostics = [...(editions[0]?.compiled.diagnostics ?? []), ...notes];
    const { manifest, replaced } = writer.publish(options.name, at);
    return { dir: writer.target, files, manifest, replaced, diagnostics };
  } catch (error) {
    writer.abandon();
    throw error;
  }
}
