import type { Liquid, Template } from 'liquidjs';
import type { LiquidContext } from '../templates/customer-context';
import { liquidDiagnostic } from '../templates/liquid-engine';
import { sourceLocator } from '../templates/source-positions';
import { instrumentLiquid, type BranchMeta, type Locate } from './instrument-liquid';
import { GMAIL_CLIP_BYTES, QA_EXAMPLES, type QaRenderError, type QaTokenStat, type QaUrlProblem } from './qa-report';
import { urlAttributes } from './url-attributes';
import { urlProblem } from './url-check';

/** What one batch of recipients found; batches from several workers merge with `mergeTallies`. */
export interface QaTally {
  rendered: number;
  tokens: Record<string, QaTokenStat>;
  /** Same order as the checker's branches. */
  taken: { taken: number; examples: string[] }[];
  errors: Record<string, QaRenderError>;
  urls: Record<string, QaUrlProblem>;
  largestBytes: number;
  largestCustomerId: string | null;
  /** The largest email itself, which the lint reads (the fullest version of the email). */
  largestHtml: string | null;
  overGmailClip: number;
  overGmailExamples: string[];
}

export const emptyTally = (branches: number): QaTally => ({
  rendered: 0,
  tokens: {},
  taken: Array.from({ length: branches }, () => ({ taken: 0, examples: [] })),
  errors: {},
  urls: {},
  largestBytes: 0,
  largestCustomerId: null,
  largestHtml: null,
  overGmailClip: 0,
  overGmailExamples: [],
});

const SEPARATOR = '\u0000';

const addExample = (list: string[], id: string) => {
  if (list.length < QA_EXAMPLES) list.push(id);
};
const joinExamples = (a: string[], b: string[]) => [...a, ...b].slice(0, QA_EXAMPLES);

/** Written where the author wrote it: an HTML template is rendered as written, an MJML one after compiling. */
const asWritten: Locate = (token) => {
  const [line, column] = token.getPosition();
  return line === undefined || column === undefined ? null : { line, column };
};

export interface RecipientChecker {
  readonly branches: readonly BranchMeta[];
  check(customerId: string, context: LiquidContext): void;
  /** What the recipients checked since the last take found; the checker starts a fresh tally. */
  take(): QaTally;
}

/**
 * Renders the compiled email for one recipient after another with Liquid's own
 * renderer over an instrumented parse (see instrument-liquid.ts) and counts
 * what went wrong: empty and fallen-back tokens, the branches taken, render
 * errors, addresses that are malformed once rendered, and the size against
 * Gmail's clipping limit.
 */
export function recipientChecker(
  liquid: Liquid,
  compiled: { html: string; source: string },
  /** UTF-8 size of the email; Node's Buffer.byteLength where there is one (no copy), else an encode. */
  byteLength: (html: string) => number = (html) => new TextEncoder().encode(html).length,
): RecipientChecker {
  const locate: Locate = compiled.html === compiled.source ? asWritten : sourceLocator(liquid, compiled.source, compiled.html);
  const parsed: Template[] = liquid.parse(compiled.html);
  const instrumented = instrumentLiquid(parsed, locate);
  let tally = emptyTally(instrumented.branches.length);
  const attributes = urlAttributes(compiled.html);
  const dynamic = attributes.filter((a) => a.dynamic);
  // Every dynamic address in one template, rendered once per recipient: a render has a fixed cost (its context)
  // that ten small renders would pay ten times. NUL never occurs in an attribute, so it separates them.
  const addresses = dynamic.length ? safeParse(liquid, dynamic.map((a) => a.value).join(SEPARATOR)) : null;
  const staticProblems = attributes.flatMap((a) => {
    const reason = a.dynamic ? null : urlProblem(a.value);
    return reason ? [{ name: a.name, value: a.value, reason }] : [];
  });

  const emptied = new Set<number>();
  const recorder = {
    branch: (index: number) => {
      const entry = tally.taken[index];
      if (entry) entry.taken += 1;
      if (entry) addExample(entry.examples, current);
    },
    emptyOutput: (index: number) => emptied.add(index),
  };
  let current = '';

  const urlFinding = (name: string, value: string, reason: string, customerId: string) => {
    const key = `${name}\u0000${reason}\u0000${value.slice(0, 200)}`;
    const found = (tally.urls[key] ??= { attribute: name, example: value.slice(0, 200), reason, count: 0, customerIds: [] });
    found.count += 1;
    addExample(found.customerIds, customerId);
  };

  const check = (customerId: string, context: LiquidContext) => {
    current = customerId;
    emptied.clear();
    instrumented.record(recorder);
    let html: string;
    try {
      // The customer's tokens are globals too, as in previews: a partial included with `render` sees only globals.
      html = liquid.renderSync(parsed, context, { globals: context }) as string;
    } catch (error) {
      const diagnostic = liquidDiagnostic(error, 'render', locate);
      const key = `${diagnostic.line ?? ''}\u0000${diagnostic.message}`;
      const found = (tally.errors[key] ??= { message: diagnostic.message, line: diagnostic.line, count: 0, customerIds: [] });
      found.count += 1;
      addExample(found.customerIds, customerId);
      return;
    } finally {
      instrumented.record(null);
    }
    tally.rendered += 1;
    // One count per recipient and token, however often the email prints it.
    const seen = new Set<string>();
    for (const index of emptied) {
      const output = instrumented.outputs[index];
      if (!output?.token) continue;
      const key = `${output.token}\u0000${output.fallback}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const stat = tokenStat(tally, output.token);
      if (output.fallback) {
        stat.fallback += 1;
        addExample(stat.fallbackExamples, customerId);
      } else {
        stat.empty += 1;
        addExample(stat.emptyExamples, customerId);
      }
    }
    const bytes = byteLength(html);
    if (bytes > tally.largestBytes) {
      tally.largestBytes = bytes;
      tally.largestCustomerId = customerId;
      tally.largestHtml = html;
    }
    if (bytes > GMAIL_CLIP_BYTES) {
      tally.overGmailClip += 1;
      addExample(tally.overGmailExamples, customerId);
    }
    for (const problem of staticProblems) urlFinding(problem.name, problem.value, problem.reason, customerId);
    if (addresses) {
      let values: string[];
      try {
        values = (liquid.renderSync(addresses, context) as string).split(SEPARATOR);
      } catch {
        return; // The email rendered; an address that fails alone is outside its loop's scope, not a recipient's problem.
      }
      if (values.length !== dynamic.length) return;
      dynamic.forEach((attribute, i) => {
        const reason = urlProblem(values[i] ?? '');
        if (reason) urlFinding(attribute.name, values[i] ?? '', reason, customerId);
      });
    }
  };

  const tokenStat = (t: QaTally, token: string): QaTokenStat =>
    (t.tokens[token] ??= {
      token,
      lines: [...new Set(instrumented.outputs.filter((o) => o.token === token && o.line !== null).map((o) => o.line as number))].sort(
        (a, b) => a - b,
      ),
      empty: 0,
      fallback: 0,
      emptyExamples: [],
      fallbackExamples: [],
    });

  const take = () => {
    const taken = tally;
    tally = emptyTally(instrumented.branches.length);
    return taken;
  };

  return { branches: instrumented.branches, check, take };
}

function safeParse(liquid: Liquid, text: string): Template[] | null {
  try {
    return liquid.parse(text);
  } catch {
    return null;
  }
}

/** Adds `b` into `a` (both from checkers of the same compiled email). */
export function mergeTallies(a: QaTally, b: QaTally): QaTally {
  a.rendered += b.rendered;
  for (const [key, stat] of Object.entries(b.tokens)) {
    const into = a.tokens[key];
    if (!into) a.tokens[key] = stat;
    else {
      into.empty += stat.empty;
      into.fallback += stat.fallback;
      into.emptyExamples = joinExamples(into.emptyExamples, stat.emptyExamples);
      into.fallbackExamples = joinExamples(into.fallbackExamples, stat.fallbackExamples);
    }
  }
  b.taken.forEach((entry, i) => {
    const into = a.taken[i];
    if (!into) a.taken[i] = entry;
    else {
      into.taken += entry.taken;
      into.examples = joinExamples(into.examples, entry.examples);
    }
  });
  for (const [key, error] of Object.entries(b.errors)) {
    const into = a.errors[key];
    if (!into) a.errors[key] = error;
    else {
      into.count += error.count;
      into.customerIds = joinExamples(into.customerIds, error.customerIds);
    }
  }
  for (const [key, url] of Object.entries(b.urls)) {
    const into = a.urls[key];
    if (!into) a.urls[key] = url;
    else {
      into.count += url.count;
      into.customerIds = joinExamples(into.customerIds, url.customerIds);
    }
  }
  if (b.largestBytes > a.largestBytes) {
    a.largestBytes = b.largestBytes;
    a.largestCustomerId = b.largestCustomerId;
    a.largestHtml = b.largestHtml;
  }
  a.overGmailClip += b.overGmailClip;
  a.overGmailExamples = joinExamples(a.overGmailExamples, b.overGmailExamples);
  return a;
}
