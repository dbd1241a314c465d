import { createHash } from 'node:crypto';
import type { Template as LiquidTemplate } from 'liquidjs';
import { LRUCache } from 'lru-cache';
import {
  compileTemplate,
  engineFor,
  locatorFor,
  partialsKey,
  renderForCustomer,
  type CompiledTemplate,
  type RenderedEmail,
} from '../template-compiler';
import { inlineCss, plainText } from '../email-html';
import { lintFinished } from '../lint/lint-finished';
import type { CompiledSource, FinishedEmail, RenderTask } from './tasks';

/*
 * Entry of a render worker thread (see pool.ts). MJML compiles and Liquid
 * renders run here, so a runaway template costs a worker that the host can
 * terminate, never the host's own thread. Workers are reused, so both caches
 * below survive between requests: compileTemplate keeps its LRU by source
 * hash, and parsed Liquid is kept by compiled-HTML hash, so a render task only
 * carries the compiled HTML and any worker can take it without running MJML.
 */

const parsed = new LRUCache<string, LiquidTemplate[]>({ max: 16 });

/** Parsed by the engine of these partials: a `render` tag reads its partial through the engine that parsed it. */
function parsedLiquid(html: string, partials: Readonly<Record<string, string>> = {}): LiquidTemplate[] {
  const key = createHash('sha256').update(html).update('\0').update(partialsKey(partials)).digest('hex');
  const hit = parsed.get(key);
  if (hit) return hit;
  const templates = engineFor(partials).parse(html);
  parsed.set(key, templates);
  return templates;
}

async function compile(source: string, partials: Readonly<Record<string, string>> = {}): Promise<CompiledSource> {
  const compiled = await compileTemplate(source, partials);
  return {
    html: compiled.html,
    source,
    diagnostics: compiled.diagnostics,
    variables: compiled.variables,
    renderable: compiled.liquid !== null,
    partials,
  };
}

function render({ compiled, customer, fields, computed, dictionary, variant }: Extract<RenderTask, { kind: 'render' }>): RenderedEmail {
  const template: CompiledTemplate = {
    html: compiled.html,
    liquid: compiled.renderable && compiled.html !== null ? parsedLiquid(compiled.html, compiled.partials) : null,
    diagnostics: compiled.diagnostics,
    variables: compiled.variables,
    locate: compiled.html === null ? () => null : locatorFor(compiled.source, compiled.html),
    partials: compiled.partials,
  };
  return renderForCustomer(template, customer, fields, computed, { dictionary, variant });
}

export default async function runRenderTask(task: RenderTask): Promise<unknown> {
  switch (task.kind) {
    case 'warm':
      return true;
    case 'compile':
      return compile(task.source, task.partials);
    case 'render':
      return render(task);
    case 'finish':
      return { html: inlineCss(task.html), text: task.text ? plainText(task.html) : null } satisfies FinishedEmail;
    case 'lint':
      return lintFinished(task.html, task.options);
  }
}
