import { createHash } from 'node:crypto';
import type { Liquid, Template as LiquidTemplate } from 'liquidjs';
import { LRUCache } from 'lru-cache';
import type { Customer, Diagnostic, ResolvedToken } from '../../shared/contract/schemas';
import { protectClassLiquid } from '../../shared/templates/class-liquid';
import type { FieldCatalogue } from '../../shared/fields/catalogue';
import { customerContext, resolveTokens, type LiquidContext } from '../../shared/templates/customer-context';
import { withComputedTokens, type ComputedTokens } from '../../shared/templates/computed-tokens';
import { catalogueReader } from '../../shared/templates/typed-fields';
import { createLiquid, liquidDiagnostic, tokenDiagnostic } from '../../shared/templates/liquid-engine';
import { mjmlStructureDiagnostics } from '../../shared/templates/mjml-structure';
import { partialReferences, PartialNotFoundError, partialsFromMap } from '../../shared/templates/partials';
import type { TokenDictionaryEntry } from '../../shared/contract/token-schemas';
import { dictionaryValues, withDictionaryValues } from '../../shared/templates/token-dictionary';
import { VARIANT_TOKEN } from '../../shared/templates/variants';
import { protectLiquid } from '../../shared/templates/protect-liquid';
import { type LocateInSource, sourceLocator } from '../../shared/templates/source-positions';
import { strayMjmlTag, templateFormat } from '../../shared/templates/template-format';
import { mjml2html, mjmlComponents } from './mjml';

/** A template compiled once per change: MJML → HTML with Liquid kept, then parsed by Liquid. */
export interface CompiledTemplate {
  /** Compiled HTML, Liquid tokens intact (what exports write); null when compilation failed. */
  readonly html: string | null;
  readonly liquid: LiquidTemplate[] | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Variable paths the template reads, e.g. [['FirstName'], ['customer', 'city']]. */
  readonly variables: readonly (readonly (string | number)[])[];
  /** Where a Liquid error in the compiled HTML was written in the source (render errors cite the author's line). */
  readonly locate: LocateInSource;
  /** The workspace's partials by name, which `{% render %}` reads while rendering; none when left out. */
  readonly partials?: Readonly<Record<string, string>> | undefined;
}

/** What a render adds to the customer's context besides fields and computed tokens. */
export interface RenderExtras {
  /** The workspace's token dictionary. */
  dictionary?: readonly TokenDictionaryEntry[] | undefined;
  /** The A/B variant being rendered: the template reads it as `variant`. */
  variant?: string | undefined;
}

export interface RenderedEmail {
  html: string | null;
  tokens: ResolvedToken[];
  problem: string | null;
  /** The problem as a diagnostic at the author's line (a compile error, or one raised while rendering). */
  diagnostic: Diagnostic | null;
}

// Without partials every include / render / layout names a missing partial; a workspace's partials get their own engine.
const liquid = createLiquid();
const NO_PARTIAL_SOURCES: Readonly<Record<string, string>> = {};

export const partialsKey = (partials: Readonly<Record<string, string>>): string =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(partials).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    .digest('hex');

const engines = new LRUCache<string, Liquid>({ max: 8 });

/** The Liquid engine whose only file system is these partials (a lookup by name, see partials.ts). */
export function engineFor(partials: Readonly<Record<string, string>> = NO_PARTIAL_SOURCES): Liquid {
  if (Object.keys(partials).length === 0) return liquid;
  const key = partialsKey(partials);
  const hit = engines.get(key);
  if (hit) return hit;
  const engine = createLiquid({ partials: partialsFromMap(new Map(Object.entries(partials))) });
  engines.set(key, engine);
  return engine;
}
const nowhere: LocateInSource = () => null;
/** Plain HTML templates are rendered as written, so a token's own position is the author's. */
const asWritten: LocateInSource = (token) => {
  const [line, column] = token.getPosition();
  return line === undefined || column === undefined ? null : { line, column };
};

/**
 * Tags MJML accepts: its registered components, plus the ones its validator
 * allows without a component (mjml-validator's validTag rule).
 */
const knownMjmlTags = (): string[] => [
  ...Object.keys(mjmlComponents).filter((name) => mjmlComponents[name] !== undefined),
  'mj-all',
  'mj-class',
  'mj-selector',
  'mj-html-attribute',
];

type Segment = string | number | Segment[];
/** `a[b.c].d` has a dynamic part; the token list shows the static prefix (`a`). */
function staticPrefix(segments: readonly Segment[]): (string | number)[] {
  const prefix: (string | number)[] = [];
  for (const part of segments) {
    if (Array.isArray(part)) break;
    prefix.push(part);
  }
  return prefix;
}
export const isMjml = (source: string): boolean => templateFormat(source) === 'mjml';

async function compileMjml(source: string, diagnostics: Diagnostic[]): Promise<string | null> {
  try {
    const classes = protectClassLiquid(source);
    // mj-include would read local files; it is reported as an error by the structure pass.
    const result = await mjml2html(protectLiquid(classes.source), { validationLevel: 'soft', keepComments: false, ignoreIncludes: true });
    for (const error of result.errors) {
      // An element MJML does not know is dropped with its content: the structure pass already made it an error.
      if (mjmlComponents[error.tagName] === undefined) continue;
      diagnostics.push({
        severity: 'warning',
        source: 'mjml',
        message: `MJML: ${error.message}`,
        line: typeof error.line === 'number' ? error.line : null,
        column: null,
      });
    }
    return classes.restore(result.html);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    diagnostics.push({ severity: 'error', source: 'mjml', message: `MJML: ${message}`, line: line ? Number(line) : null, column: null });
    return null;
  }
}

/** An HTML template holding mj- tags is MJML whose `<mjml>` root went missing: rendered as HTML, it would show nothing useful. */
function strayMjmlDiagnostics(source: string): Diagnostic[] {
  const stray = strayMjmlTag(source);
  if (!stray) return [];
  return [
    {
      severity: 'error',
      source: 'mjml',
      message: `<${stray.tag}> is an MJML tag, but this template has no <mjml> root, so it is read as plain HTML. Wrap the email in <mjml> … </mjml>.`,
      line: stray.line,
      column: null,
    },
  ];
}

async function compileUncached(source: string, partials: Readonly<Record<string, string>>): Promise<CompiledTemplate> {
  const diagnostics: Diagnostic[] = [];
  // Parse the author's source first: Liquid errors then point at their lines, not the compiled HTML's.
  let variables: CompiledTemplate['variables'] = [];
  const failed = (html: string | null = null, locate = nowhere): CompiledTemplate => ({
    html,
    liquid: null,
    diagnostics,
    variables,
    locate,
    partials,
  });
  try {
    const parsed = liquid.parse(source);
    // Static analysis must not follow partials: that would load them (and, before the loader, read files).
    variables = liquid.globalVariableSegmentsSync(parsed, { partials: false }).map(staticPrefix);
    for (const { name, token } of partialReferences(parsed)) {
      if (partials[name] === undefined) diagnostics.push(tokenDiagnostic(new PartialNotFoundError(name).message, token));
    }
  } catch (error) {
    diagnostics.push(liquidDiagnostic(error));
    return failed();
  }
  if (isMjml(source)) diagnostics.push(...mjmlStructureDiagnostics(source, { knownTags: knownMjmlTags() }));
  else diagnostics.push(...strayMjmlDiagnostics(source));
  const html = isMjml(source) ? await compileMjml(source, diagnostics) : source;
  if (html === null) return failed();
  const locate = locatorFor(source, html);
  try {
    // Parsed by the partials' engine: a `render` tag reads its partial through the engine that parsed it.
    return { html, liquid: engineFor(partials).parse(html), diagnostics, variables, locate, partials };
  } catch (error) {
    // The source parsed, so MJML changed something Liquid needs: point at the author's tag and say so.
    const detail = liquidDiagnostic(error, 'liquid', locate);
    diagnostics.push({ ...detail, message: `${detail.message} (after MJML compilation, which rewrote this Liquid)` });
    return failed(html, locate);
  }
}

const cache = new LRUCache<string, Promise<CompiledTemplate>>({ max: 32 });

/**
 * Compile with a small LRU keyed by source and partials: previews re-render per keystroke, compile per change.
 * A partial's edit changes the key, since which partials exist decides the diagnostics.
 */
export function compileTemplate(
  source: string,
  partials: Readonly<Record<string, string>> = NO_PARTIAL_SOURCES,
): Promise<CompiledTemplate> {
  const key = createHash('sha256').update(source).update('\0').update(partialsKey(partials)).digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = compileUncached(source, partials);
  cache.set(key, compiled);
  return compiled;
}

/**
 * Where a Liquid error in `html` (compiled from `source`) was written in the source. Built lazily,
 * so a render worker that only has the compiled HTML and the source can rebuild it for free.
 */
export const locatorFor = (source: string, html: string): LocateInSource =>
  html === source ? asWritten : sourceLocator(liquid, source, html);

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.some((d) => d.severity === 'error');

/**
 * Render the compiled template for one customer. Never throws: a failure becomes `problem`.
 * A template with errors is not rendered at all: MJML's best effort at a broken template (an
 * unclosed section, say) is unstyled text, and the preview should show the problem instead.
 */
export function renderForCustomer(
  compiled: CompiledTemplate,
  customer: Customer,
  fields: FieldCatalogue = {},
  computed?: ComputedTokens,
  extras: RenderExtras = {},
): RenderedEmail {
  const engine = engineFor(compiled.partials);
  const evaluate = (expression: string, scope: object): string => String(engine.parseAndRenderSync(expression, scope));
  const typed = withComputedTokens(customerContext(customer, catalogueReader(fields, customer.typed)), computed);
  // Dictionary tokens are formatted from the typed values (money as a number, dates as calendar days).
  const values = dictionaryValues(typed, extras.dictionary ?? [], evaluate);
  const withExtras = (base: LiquidContext): LiquidContext => {
    const filled = withDictionaryValues(base, values);
    return extras.variant === undefined ? filled : { ...filled, [VARIANT_TOKEN]: extras.variant };
  };
  const context = withExtras(typed);
  // The token list shows each value as imported ("1.234,00", "nein"), not as Liquid compares it; dictionary tokens formatted.
  // `variant` is only a token when a variant is rendered: elsewhere it is not the customer's missing value.
  const variables = extras.variant === undefined ? compiled.variables.filter((path) => path[0] !== VARIANT_TOKEN) : compiled.variables;
  const tokens = resolveTokens(variables, withExtras(withComputedTokens(customerContext(customer), computed)));
  const first = compiled.diagnostics.find((d) => d.severity === 'error');
  if (!compiled.liquid || first) {
    return {
      html: null,
      tokens,
      problem: first ? describeDiagnostic(first) : 'The template could not be compiled.',
      diagnostic: first ?? null,
    };
  }
  try {
    // The customer's tokens are globals too: a partial included with `render` sees only globals, as in an ESP.
    const html = engine.renderSync(compiled.liquid, context, { globals: context }) as string;
    return { html, tokens, problem: null, diagnostic: null };
  } catch (error) {
    const diagnostic = liquidDiagnostic(error, 'render', compiled.locate);
    return { html: null, tokens, problem: describeDiagnostic(diagnostic), diagnostic };
  }
}

export const describeDiagnostic = (d: Diagnostic): string =>
  d.line === null ? d.message : `Line ${d.line}${d.column === null ? '' : `, column ${d.column}`}: ${d.message}`;
