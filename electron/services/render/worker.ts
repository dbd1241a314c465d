import { createHash } from 'node:crypto';
import type { Template as LiquidTemplate } from 'liquidjs';
import { LRUCache } from 'lru-cache';
import { createLiquid } from '../../../shared/templates/liquid-engine';
import { compileTemplate, locatorFor, renderForCustomer, type CompiledTemplate, type RenderedEmail } from '../template-compiler';
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

const liquid = createLiquid();
const parsed = new LRUCache<string, LiquidTemplate[]>({ max: 16 });

function parsedLiquid(html: string): LiquidTemplate[] {
  const key = createHash('sha256').update(html).digest('hex');
  const hit = parsed.get(key);
  if (hit) return hit;
  const templates = liquid.parse(html);
  parsed.set(key, templates);
  return templates;
}

async function compile(source: string): Promise<CompiledSource> {
  const compiled = await compileTemplate(source);
  return {
    html: compiled.html,
    source,
    diagnostics: compiled.diagnostics,
    variables: compiled.variables,
    renderable: compiled.liquid !== null,
  };
}

function render({ compiled, customer, fields, computed }: Extract<RenderTask, { kind: 'render' }>): RenderedEmail {
  const template: CompiledTemplate = {
    html: compiled.html,
    liquid: compiled.renderable && compiled.html !== null ? parsedLiquid(compiled.html) : null,
    diagnostics: compiled.diagnostics,
    variables: compiled.variables,
    locate: compiled.html === null ? () => null : locatorFor(compiled.source, compiled.html),
  };
  return renderForCustomer(template, customer, fields, computed);
}

export default async function runRenderTask(task: RenderTask): Promise<unknown> {
  switch (task.kind) {
    case 'warm':
      return true;
    case 'compile':
      return compile(task.source);
    case 'render':
      return render(task);
    case 'finish':
      return { html: inlineCss(task.html), text: task.text ? plainText(task.html) : null } satisfies FinishedEmail;
    case 'lint':
      return lintFinished(task.html, task.options);
  }
}
