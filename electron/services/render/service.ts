import { setMaxListeners } from 'node:events';
import { ContractError } from '../../../shared/contract/envelope';
import type { Customer, Diagnostic } from '../../../shared/contract/schemas';
import type { FieldCatalogue } from '../../../shared/fields/catalogue';
import { customerContext, resolveTokens } from '../../../shared/templates/customer-context';
import { withComputedTokens, type ComputedTokens } from '../../../shared/templates/computed-tokens';
import type { RenderedEmail } from '../template-compiler';
import { renderPool, type RenderPool } from './pool';
import type { CompiledSource, FinishedEmail } from './tasks';
import type { TokenDictionaryEntry } from '../../../shared/contract/token-schemas';

/** What the workspace adds to every render: its partials, token dictionary, and the A/B variant shown. */
export interface WorkspaceRenderInputs {
  partials?: Readonly<Record<string, string>> | undefined;
  dictionary?: readonly TokenDictionaryEntry[] | undefined;
  variant?: string | undefined;
}

/**
 * Compiling and rendering off the host's thread, under a time budget. A
 * budget is one AbortSignal for a whole request: whatever is still compiling
 * or rendering when it fires is stopped (its worker terminated) and reported
 * as a problem, so the host keeps answering whatever the template does.
 */

/** One preview refresh, all personas included. */
export const PREVIEW_BUDGET_MS = 3_000;
/** An explicit export or single render may take longer than a live preview, but not forever. */
export const EXPORT_BUDGET_MS = 15_000;

export interface Budget {
  readonly ms: number;
  /** Fires when the time is up or the caller gave up (a newer refresh). */
  readonly signal: AbortSignal;
  /** The caller's own signal, to tell "superseded" from "over budget". */
  readonly cancel?: AbortSignal;
}

export const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

export const compileStoppedMessage = (ms: number): string =>
  `The template took longer than ${seconds(ms)} to compile and was stopped. Very large MJML sources do this: split the email or remove unused sections.`;

export const renderStoppedMessage = (ms: number): string =>
  `Rendering was stopped after ${seconds(ms)}, the time budget for one refresh. Look for a loop that runs too long, such as {% for %} over a huge range.`;

export const SUPERSEDED_MESSAGE = 'A newer refresh replaced this one before it finished.';

const stopMessage = (budget: Budget, overBudget: (ms: number) => string): string =>
  budget.cancel?.aborted ? SUPERSEDED_MESSAGE : overBudget(budget.ms);

let warmed: Promise<void> | undefined;

/**
 * The budget clock starts once the pool has started its first worker: loading
 * MJML in a new thread is a one-off cost, not the template's fault.
 */
export async function startBudget(ms: number, pool: RenderPool = renderPool(), cancel?: AbortSignal): Promise<Budget> {
  warmed ??= pool.run({ kind: 'warm' }).then(() => undefined);
  await warmed;
  const timeout = AbortSignal.timeout(ms);
  const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
  // Every task of the request listens to it; twenty personas are not a leak.
  setMaxListeners(0, signal);
  return cancel ? { ms, signal, cancel } : { ms, signal };
}

/** Thrown when the budget ran out; hosts show its message like any other user-fixable problem. */
export class BudgetExceeded extends ContractError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

/** MJML → HTML with Liquid kept, in a worker. Throws BudgetExceeded when stopped. */
export async function compileInWorker(
  source: string,
  budget: Budget,
  pool: RenderPool = renderPool(),
  partials?: Readonly<Record<string, string>>,
): Promise<CompiledSource> {
  try {
    return await pool.run({ kind: 'compile', source, partials }, budget.signal);
  } catch (error) {
    if (budget.signal.aborted) throw new BudgetExceeded(stopMessage(budget, compileStoppedMessage));
    throw error;
  }
}

/** One customer's email, in a worker. Never throws: a stopped or failed render becomes `problem`, with tokens still resolved. */
export async function renderInWorker(
  compiled: CompiledSource,
  customer: Customer,
  budget: Budget,
  pool: RenderPool = renderPool(),
  fields: FieldCatalogue = {},
  computed?: ComputedTokens,
  inputs: WorkspaceRenderInputs = {},
): Promise<RenderedEmail> {
  try {
    const { dictionary, variant } = inputs;
    return await pool.run({ kind: 'render', compiled, customer, fields, computed, dictionary, variant }, budget.signal);
  } catch (error) {
    const tokens = resolveTokens(compiled.variables, withComputedTokens(customerContext(customer), computed));
    const problem = budget.signal.aborted
      ? stopMessage(budget, renderStoppedMessage)
      : `Rendering failed: ${error instanceof Error ? error.message : String(error)}`;
    return { html: null, tokens, problem, diagnostic: { ...stoppedDiagnostic(problem), source: 'render' } };
  }
}

/** A compile that was stopped, shaped like any other failed compile so callers need no special case. */
export const stoppedCompile = (source: string, message: string): CompiledSource => ({
  html: null,
  source,
  diagnostics: [stoppedDiagnostic(message)],
  variables: [],
  renderable: false,
});

const stoppedDiagnostic = (message: string): Diagnostic => ({ severity: 'error', source: 'mjml', message, line: null, column: null });

/**
 * Compile once and render for every customer under one budget. Renders are
 * independent tasks, so they spread over every worker; the results keep the
 * order of `customers` (null stays null: a persona with nobody to show).
 */
export async function renderMany(
  source: string,
  customers: readonly (Customer | null)[],
  options: {
    ms?: number;
    cancel?: AbortSignal;
    pool?: RenderPool;
    fields?: FieldCatalogue;
    /** Each customer's scores and segments; looked up once per customer, on the host. */
    computed?: (customer: Customer) => ComputedTokens | undefined;
    /** Partials, dictionary and variant (see WorkspaceRenderInputs). */
    inputs?: WorkspaceRenderInputs;
  } = {},
): Promise<{ compiled: CompiledSource; rendered: (RenderedEmail | null)[]; compileMs: number }> {
  const { ms = PREVIEW_BUDGET_MS, pool = renderPool() } = options;
  const budget = await startBudget(ms, pool, options.cancel);
  const started = performance.now();
  let compiled: CompiledSource;
  try {
    compiled = await compileInWorker(source, budget, pool, options.inputs?.partials);
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    const diagnostic = stoppedDiagnostic(error.message);
    const rendered = customers.map((customer) => (customer ? { html: null, tokens: [], problem: error.message, diagnostic } : null));
    return { compiled: stoppedCompile(source, error.message), rendered, compileMs: performance.now() - started };
  }
  const compileMs = performance.now() - started;
  const rendered = await Promise.all(
    customers.map((customer) =>
      customer
        ? renderInWorker(compiled, customer, budget, pool, options.fields, options.computed?.(customer), options.inputs)
        : Promise.resolve(null),
    ),
  );
  return { compiled, rendered, compileMs };
}

/** Export's compile: a generous budget, and a clear error instead of a frozen export when it runs out. */
export async function compileForExport(source: string, partials?: Readonly<Record<string, string>>): Promise<CompiledSource> {
  return compileInWorker(source, await startBudget(EXPORT_BUDGET_MS), renderPool(), partials);
}

/** Export's per-persona render, each under its own generous budget. */
export async function renderForExport(
  compiled: CompiledSource,
  customer: Customer,
  fields: FieldCatalogue = {},
  computed?: ComputedTokens,
  inputs: WorkspaceRenderInputs = {},
): Promise<RenderedEmail> {
  return renderInWorker(compiled, customer, await startBudget(EXPORT_BUDGET_MS), renderPool(), fields, computed, inputs);
}

/** Export's CSS inlining and plain-text part, in a worker under a generous budget (both parse the whole email). */
export async function finishForExport(html: string, { text }: { text: boolean }): Promise<FinishedEmail> {
  const budget = await startBudget(EXPORT_BUDGET_MS);
  try {
    return await renderPool().run({ kind: 'finish', html, text }, budget.signal);
  } catch (error) {
    if (budget.signal.aborted)
      throw new BudgetExceeded(`Preparing the email for export took longer than ${seconds(budget.ms)} and was stopped.`);
    throw error;
  }
}
