import type { Customer } from '../../../shared/contract/schemas';
import type { FieldCatalogue } from '../../../shared/fields/catalogue';
import type { ProofFile, ProofPersona, ProofsOutcome } from '../../../shared/proofs/proofs-report';
import { displayName } from '../../../shared/templates/customer-context';
import type { ComputedTokens } from '../../../shared/templates/computed-tokens';
import { slug } from '../export-folder';
import { compileForExport, finishForExport, renderForExport, type WorkspaceRenderInputs } from '../render/service';
import { describeDiagnostic, hasErrors } from '../template-compiler';
import { PROOF_WIDTH, type CapturerFactory, type ProofCapturer } from './capture';
import { contactSheetHtml, contactSheetWidth } from './contact-sheet';
import { emailEnvelope } from './email-envelope';
import { buildEml } from './eml';
import { writeNewZip, zipFiles } from './proof-zip';

export interface ProofTarget {
  label: string;
  customer: Customer | null;
  /** Why there is nobody to show (a segment without members), when customer is null. */
  problem: string | null;
  computed?: ComputedTokens | undefined;
}

export interface ProofsInput {
  name: string;
  source: string;
  dir: string;
  targets: readonly ProofTarget[];
  fields: FieldCatalogue;
  /** The workspace's partials and token dictionary, as previews render with them. */
  inputs?: WorkspaceRenderInputs;
  capturer: CapturerFactory;
  control: { signal: AbortSignal; progress(update: { done: number; total: number; rows: number }): void };
  now?: Date;
}

export interface ProofsRun {
  outcome: ProofsOutcome;
  /** Every PNG by its name in the zip, for the studio to show. */
  images: Map<string, Uint8Array>;
}

const encoder = new TextEncoder();
const fail = (message: string): ProofsRun => ({
  outcome: { status: 'failed', message, zip: null, files: [], personas: [] },
  images: new Map(),
});
const cancelled = (): ProofsRun => ({
  outcome: { status: 'cancelled', message: 'Proofs cancelled; no zip was written.', zip: null, files: [], personas: [] },
  images: new Map(),
});

/**
 * Proofs of one template for every persona: the email as HTML (CSS inlined,
 * as sent), a PNG screenshot and an .eml, then a contact sheet of all of
 * them, zipped into a new file in `dir`. Rendering runs in the render
 * workers, screenshots in a browser process; the zip is written only at the
 * end, so a cancelled run leaves nothing behind.
 */
export async function runProofs(input: ProofsInput): Promise<ProofsRun> {
  const { control } = input;
  const total = input.targets.length + 2; // each persona, the contact sheet, the zip
  const at = input.now ?? new Date();
  const compiled = await compileForExport(input.source, input.inputs?.partials);
  if (hasErrors(compiled.diagnostics) || compiled.html === null) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error');
    return fail(`"${input.name}" has errors, so no proofs were made. ${first ? describeDiagnostic(first) : ''}`.trim());
  }
  if (input.targets.length === 0) return fail('There are no personas to proof. Add a persona in the studio first.');

  let capturer: ProofCapturer | null = null;
  const stop = () => void capturer?.close();
  control.signal.addEventListener('abort', stop, { once: true });
  try {
    capturer = await input.capturer();
    const files = new Map<string, Uint8Array>();
    const images = new Map<string, Uint8Array>();
    const personas: ProofPersona[] = [];
    const sheet: Parameters<typeof contactSheetHtml>[1][number][] = [];
    const used = new Set<string>();
    for (const [index, target] of input.targets.entries()) {
      if (control.signal.aborted) return cancelled();
      control.progress({ done: index, total, rows: index });
      const who = target.customer ? `${displayName(target.customer)}${target.customer.email ? ` <${target.customer.email}>` : ''}` : null;
      if (!target.customer) {
        personas.push({ label: target.label, customer: null, subject: null, preheader: null, png: null, problem: target.problem });
        sheet.push({ label: target.label, customer: null, subject: null, png: null, problem: target.problem });
        continue;
      }
      const rendered = await renderForExport(compiled, target.customer, input.fields, target.computed, input.inputs);
      if (rendered.html === null) {
        const problem = rendered.problem ?? 'The email could not be rendered.';
        personas.push({ label: target.label, customer: who, subject: null, preheader: null, png: null, problem });
        sheet.push({ label: target.label, customer: who, subject: null, png: null, problem });
        continue;
      }
      const finished = await finishForExport(rendered.html, { text: true });
      const envelope = emailEnvelope(finished.html);
      let name = slug(target.label);
      for (let n = 2; used.has(name); n++) name = `${slug(target.label)}-${n}`;
      used.add(name);
      const png = await capturer.capture(finished.html, PROOF_WIDTH);
      if (control.signal.aborted) return cancelled();
      const eml = await buildEml({
        subject: envelope.subject ?? input.name,
        html: finished.html,
        text: finished.text ?? '',
        to: target.customer.email ?? 'persona@tailor.invalid',
        date: at,
      });
      files.set(`${name}/${name}.html`, encoder.encode(finished.html));
      files.set(`${name}/${name}.png`, png);
      files.set(`${name}/${name}.eml`, eml);
      images.set(`${name}/${name}.png`, png);
      personas.push({
        label: target.label,
        customer: who,
        subject: envelope.subject,
        preheader: envelope.preheader,
        png: `${name}/${name}.png`,
        problem: null,
      });
      sheet.push({ label: target.label, customer: who, subject: envelope.subject, png, problem: null });
    }
    if (control.signal.aborted) return cancelled();
    control.progress({ done: input.targets.length, total, rows: input.targets.length });
    const contactSheet = await capturer.capture(
      contactSheetHtml(`${input.name}: ${sheet.length} personas`, sheet),
      contactSheetWidth(sheet.length),
    );
    files.set('contact-sheet.png', contactSheet);
    images.set('contact-sheet.png', contactSheet);
    files.set(
      'proofs.json',
      encoder.encode(`${JSON.stringify({ template: input.name, createdAt: at.toISOString(), personas }, null, 2)}\n`),
    );
    if (control.signal.aborted) return cancelled();
    control.progress({ done: input.targets.length + 1, total, rows: input.targets.length });
    const zipped = await zipFiles(files);
    if (control.signal.aborted) return cancelled();
    const zip = writeNewZip(input.dir, `${slug(input.name)} proofs ${at.toISOString().slice(0, 10)}`, zipped);
    control.progress({ done: total, total, rows: input.targets.length });
    const listed: ProofFile[] = [...files].map(([name, data]) => ({ name, kind: kindOf(name), bytes: data.byteLength }));
    const made = personas.filter((p) => p.png !== null).length;
    const missing = personas.length - made;
    return {
      outcome: {
        status: 'succeeded',
        message: `Proofs of ${made} persona${made === 1 ? '' : 's'} written to ${zip}.${missing ? ` ${missing} could not be rendered.` : ''}`,
        zip,
        files: listed,
        personas,
      },
      images,
    };
  } catch (error) {
    if (control.signal.aborted) return cancelled();
    throw error;
  } finally {
    control.signal.removeEventListener('abort', stop);
    await capturer?.close().catch(() => undefined);
  }
}

function kindOf(name: string): ProofFile['kind'] {
  if (name === 'contact-sheet.png') return 'contact-sheet';
  if (name === 'proofs.json') return 'manifest';
  if (name.endsWith('.png')) return 'png';
  if (name.endsWith('.eml')) return 'eml';
  return 'html';
}
