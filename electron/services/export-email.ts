import fs from 'node:fs';
import path from 'node:path';
import { convert } from 'html-to-text';
import juice from 'juice';
import { ContractError } from '../../shared/contract/envelope';
import type { Customer, ExportResult } from '../../shared/contract/schemas';
import { headerWords } from '../../shared/fields/naming';
import { maskLiquid } from '../../shared/templates/liquid-mask';
import { compileForExport, renderForExport } from './render/service';
import { describeDiagnostic, hasErrors } from './template-compiler';

export interface ExportPersona {
  label: string;
  customer: Customer | null;
}

export const slug = (name: string): string => headerWords(name).join('-') || 'email';

/**
 * Style blocks stay as well: a rule on a class that Liquid picks at send time
 * (`css-class="{% if vip %}vip{% endif %}"`) matches nothing here, and juice
 * would otherwise drop it along with the block.
 */
const REMOVE_STYLE_TAGS = false;

/** Inline CSS for clients that strip <style> (Gmail app, Outlook.com); media queries stay in a style tag. */
function inlineCss(html: string): string {
  const masked = maskLiquid(html);
  const inlined = juice(masked.html, {
    preserveMediaQueries: true,
    preserveFontFaces: true,
    preserveImportant: true,
    removeStyleTags: REMOVE_STYLE_TAGS,
  });
  return masked.restore(inlined);
}

/** Write through a temporary file so a crash never leaves half an email on disk. */
function writeAtomic(file: string, content: string): number {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw new ContractError('bad_file', `Cannot write ${file}: ${(error as Error).message}. Pick a folder you can write to.`);
  }
  return Buffer.byteLength(content);
}

/**
 * Export one template: the compiled HTML with Liquid tokens kept and CSS
 * inlined (to paste into an ESP), a plain-text part, and the email as each
 * persona receives it.
 */
export async function exportEmail(options: {
  name: string;
  source: string;
  dir: string;
  personas: ExportPersona[];
}): Promise<ExportResult> {
  const compiled = await compileForExport(options.source);
  if (hasErrors(compiled.diagnostics) || compiled.html === null) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error');
    throw new ContractError(
      'invalid_input',
      `"${options.name}" has errors, so it was not exported. ${first ? describeDiagnostic(first) : ''}`.trim(),
    );
  }
  const dir = path.resolve(options.dir);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new ContractError('bad_file', `Cannot create the export folder ${dir}: ${(error as Error).message}. Pick another folder.`);
  }
  const base = slug(options.name);
  const files: ExportResult['files'] = [];
  const write = (file: string, content: string, kind: ExportResult['files'][number]['kind']) => {
    files.push({ path: file, kind, bytes: writeAtomic(file, content) });
  };

  write(path.join(dir, `${base}.html`), inlineCss(compiled.html), 'compiled');
  write(path.join(dir, `${base}.txt`), convert(compiled.html, { wordwrap: 78, selectors: [{ selector: 'img', format: 'skip' }] }), 'text');

  const used = new Set<string>();
  for (const persona of options.personas) {
    if (!persona.customer) continue;
    const rendered = await renderForExport(compiled, persona.customer);
    if (rendered.html === null) continue;
    let name = `${base}--${slug(persona.label)}`;
    for (let n = 2; used.has(name); n++) name = `${base}--${slug(persona.label)}-${n}`;
    used.add(name);
    write(path.join(dir, 'personas', `${name}.html`), inlineCss(rendered.html), 'persona');
  }
  return { dir, files, diagnostics: [...compiled.diagnostics] };
}
