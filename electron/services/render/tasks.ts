import type { Customer, Diagnostic } from '../../../shared/contract/schemas';
import type { FieldCatalogue } from '../../../shared/fields/catalogue';
import type { ComputedTokens } from '../../../shared/templates/computed-tokens';
import type { LintFinding, LintOptions } from '../../../shared/qa/lint-types';
import type { TokenDictionaryEntry } from '../../../shared/contract/token-schemas';
import type { RenderedEmail } from '../template-compiler';

/**
 * What crosses between the host and a render worker. Everything here is
 * structured-clone safe: parsed Liquid templates stay inside the worker.
 */

/** A compiled template without its parsed Liquid: what a worker sends back after MJML. */
export interface CompiledSource {
  /** Compiled HTML, Liquid tokens intact (what exports write); null when compilation failed. */
  readonly html: string | null;
  /** The author's source, so a render error can be placed at its line there. */
  readonly source: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly variables: readonly (readonly (string | number)[])[];
  /** False when the compiled HTML is not valid Liquid; rendering then reports the first error instead. */
  readonly renderable: boolean;
  /** The workspace's partials by name, which `{% render %}` reads while rendering. */
  readonly partials?: Readonly<Record<string, string>> | undefined;
}

export type RenderTask =
  | { kind: 'warm' }
  | { kind: 'compile'; source: string; partials?: Readonly<Record<string, string>> | undefined }
  /** `fields`: the workspace's typed fields, so Liquid gets numbers, booleans and dates (see customerContext). */
  /** `computed`: the customer's scores and segments (see computed-tokens.ts), looked up by the host. */
  /** `dictionary`: the workspace's token dictionary; `variant`: the A/B variant rendered (the template's `variant`). */
  | {
      kind: 'render';
      compiled: CompiledSource;
      customer: Customer;
      fields: FieldCatalogue;
      computed?: ComputedTokens | undefined;
      dictionary?: readonly TokenDictionaryEntry[] | undefined;
      variant?: string | undefined;
    }
  /** Export's last step: CSS inlined, and the plain-text part when asked. */
  | { kind: 'finish'; html: string; text: boolean }
  /** The email lint of one rendered email, as sent: CSS inlined first, plain-text part alongside. */
  | { kind: 'lint'; html: string; options: LintOptions };

export interface RenderTaskResult {
  warm: true;
  compile: CompiledSource;
  render: RenderedEmail;
  finish: FinishedEmail;
  lint: LintedEmail;
}

export interface LintedEmail {
  findings: LintFinding[];
  text: string;
  bytes: number;
}

export interface FinishedEmail {
  html: string;
  text: string | null;
}
