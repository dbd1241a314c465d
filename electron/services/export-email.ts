import { ContractError } from '../../shared/contract/envelope';
import type { Customer, Diagnostic, ExportResult } from '../../shared/contract/schemas';
import type { FieldCatalogue } from '../../shared/fields/catalogue';
import type { ComputedTokens } from '../../shared/templates/computed-tokens';
import { exportFolderName, ExportWriter, slug } from './export-folder';
import { compileForExport, finishForExport, renderForExport } from './render/service';
import { describeDiagnostic, hasErrors } from './template-compiler';

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
 * export complete.
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
  now?: Date;
}): Promise<ExportResult> {
  const compiled = await compileForExport(options.source);
  if (hasErrors(compiled.diagnostics) || compiled.html === null) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error');
    throw new ContractError(
      'invalid_input',
      `"${options.name}" has errors, so it was not exported. ${first ? describeDiagnostic(first) : ''}`.trim(),
    );
  }
  const at = options.now ?? new Date();
  const writer = ExportWriter.open(options.dir, options.folder ?? exportFolderName(options.name, at), options.replace ?? false);
  try {
    const base = slug(options.name);
    const files: ExportResult['files'] = [];
    const finished = await finishForExport(compiled.html, { text: true });
    files.push(writer.add(`${base}.html`, finished.html, 'compiled'));
    files.push(writer.add(`${base}.txt`, finished.text ?? '', 'text'));

    const used = new Set<string>();
    const skipped: Diagnostic[] = [];
    for (const persona of options.personas) {
      if (!persona.customer) continue;
      const rendered = await renderForExport(compiled, persona.customer, options.fields, persona.computed);
      if (rendered.html === null) {
        // Say which persona is missing from the export and why, rather than leaving it out silently.
        const problem = rendered.diagnostic ?? {
          severity: 'error',
          source: 'render',
          message: rendered.problem ?? '',
          line: null,
          column: null,
        };
        skipped.push({ ...problem, severity: 'warning', message: `Persona "${persona.label}" was not exported: ${problem.message}` });
        continue;
      }
      let name = `${base}--${slug(persona.label)}`;
      for (let n = 2; used.has(name); n++) name = `${base}--${slug(persona.label)}-${n}`;
      used.add(name);
      files.push(writer.add(`personas/${name}.html`, (await finishForExport(rendered.html, { text: false })).html, 'persona'));
    }
    const { manifest, replaced } = writer.publish(options.name, at);
    return { dir: writer.target, files, manifest, replaced, diagnostics: [...compiled.diagnostics, ...skipped] };
  } catch (error) {
    writer.abandon();
    throw error;
  }
}
