import { createHash } from 'node:crypto';
import mjml2html from 'mjml';
import type { Template as LiquidTemplate } from 'liquidjs';
import type { Customer, Diagnostic, ResolvedToken } from '../../shared/contract/schemas';
import { customerContext, resolveTokens } from '../../shared/templates/customer-context';
import { createLiquid, liquidDiagnostic } from '../../shared/templates/liquid-engine';
import { mjmlStructureDiagnostics } from '../../shared/templates/mjml-structure';
import { protectLiquid } from '../../shared/templates/protect-liquid';

/** A template compiled once per change: MJML → HTML with Liquid kept, then parsed by Liquid. */
export interface CompiledTemplate {
  /** Compiled HTML, Liquid tokens intact (what exports write); null when compilation failed. */
  readonly html: string | null;
  readonly liquid: LiquidTemplate[] | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Variable paths the template reads, e.g. [['FirstName'], ['customer', 'city']]. */
  readonly variables: readonly (readonly (string | number)[])[];
}

export interface RenderedEmail {
  html: string | null;
  tokens: ResolvedToken[];
  problem: string | null;
}

const liquid = createLiquid();

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
export const isMjml = (source: string): boolean => /<mjml[\s>]/i.test(source);

async function compileMjml(source: string, diagnostics: Diagnostic[]): Promise<string | null> {
  try {
    const result = await mjml2html(protectLiquid(source), { validationLevel: 'soft', keepComments: false });
    for (const error of result.errors) {
      diagnostics.push({
        severity: 'warning',
        source: 'mjml',
        message: `MJML: ${error.message}`,
        line: typeof error.line === 'number' ? error.line : null,
        column: null,
      });
    }
    return result.html;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    diagnostics.push({ severity: 'error', source: 'mjml', message: `MJML: ${message}`, line: line ? Number(line) : null, column: null });
    return null;
  }
}

async function compileUncached(source: string): Promise<CompiledTemplate> {
  const diagnostics: Diagnostic[] = [];
  // Parse the author's source first: Liquid errors then point at their lines, not the compiled HTML's.
  let variables: CompiledTemplate['variables'] = [];
  try {
    variables = liquid.globalVariableSegmentsSync(liquid.parse(source)).map(staticPrefix);
  } catch (error) {
    diagnostics.push(liquidDiagnostic(error));
    return { html: null, liquid: null, diagnostics, variables };
  }
  if (isMjml(source)) diagnostics.push(...mjmlStructureDiagnostics(source));
  const html = isMjml(source) ? await compileMjml(source, diagnostics) : source;
  if (html === null) return { html: null, liquid: null, diagnostics, variables };
  try {
    return { html, liquid: liquid.parse(html), diagnostics, variables };
  } catch (error) {
    // The source parsed, so MJML changed something Liquid needs; say so rather than pointing at a compiled line.
    const detail = liquidDiagnostic(error);
    diagnostics.push({
      ...detail,
      message: `${detail.message} (after MJML compilation; keep Liquid out of MJML attribute names)`,
      line: null,
      column: null,
    });
    return { html, liquid: null, diagnostics, variables };
  }
}

const CACHE_LIMIT = 32;
const cache = new Map<string, Promise<CompiledTemplate>>();

/** Compile with a small LRU keyed by source hash: previews re-render per keystroke, compile per change. */
export function compileTemplate(source: string): Promise<CompiledTemplate> {
  const key = createHash('sha256').update(source).digest('hex');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const compiled = compileUncached(source);
  cache.set(key, compiled);
  while (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return compiled;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.some((d) => d.severity === 'error');

/** Render the compiled template for one customer. Never throws: a failure becomes `problem`. */
export function renderForCustomer(compiled: CompiledTemplate, customer: Customer): RenderedEmail {
  const context = customerContext(customer);
  const tokens = resolveTokens(compiled.variables, context);
  if (!compiled.liquid) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error');
    return { html: null, tokens, problem: first ? describeDiagnostic(first) : 'The template could not be compiled.' };
  }
  try {
    return { html: liquid.renderSync(compiled.liquid, context) as string, tokens, problem: null };
  } catch (error) {
    return { html: null, tokens, problem: describeDiagnostic(liquidDiagnostic(error, 'render')) };
  }
}

export const describeDiagnostic = (d: Diagnostic): string =>
  d.line === null ? d.message : `Line ${d.line}${d.column === null ? '' : `, column ${d.column}`}: ${d.message}`;
