import { z } from 'zod';
import type { MethodName } from './methods';
import { Job } from './schemas';

/**
 * What the service pushes to clients instead of being polled: a job's
 * progress and outcome, and which kinds of data changed. The same events go
 * over Electron IPC, server-sent events in browser mode, and an in-process
 * emitter for the CLI and tests.
 */

export const DataTopic = z.enum([
  'workspace',
  'customers',
  'imports',
  'templates',
  'segments',
  'personas',
  'audit',
  'dedup',
  'scores',
  'partials',
  'dictionary',
  'variants',
  'qa',
]);
export type DataTopic = z.infer<typeof DataTopic>;

export const TailorEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job'), job: Job }),
  z.object({ type: z.literal('data.changed'), topics: z.array(DataTopic).min(1) }),
]);
export type TailorEvent = z.infer<typeof TailorEvent>;

/** Data a successful call of each method changes; a host announces it so every other window refreshes. */
export const METHOD_CHANGES: Partial<Record<MethodName, readonly DataTopic[]>> = {
  'workspace.open': ['workspace'],
  'workspace.create': ['workspace'],
  'templates.create': ['templates'],
  'templates.save': ['templates'],
  'templates.rename': ['templates'],
  'templates.delete': ['templates'],
  'segments.save': ['segments', 'personas'],
  'segments.delete': ['segments', 'personas'],
  'personas.save': ['personas'],
  'personas.delete': ['personas'],
  'personas.step': ['personas'],
  'imports.undo': ['customers', 'imports'],
  'dedup.decide': ['dedup'],
  'dedup.merge': ['customers', 'dedup'],
  'dedup.undo': ['customers', 'dedup'],
  'dedup.saveRules': ['dedup'],
  'scores.rfm.settings.save': ['scores'],
  'intent.applyThreshold': ['scores', 'segments'],
  'clusters.rename': ['scores'],
  'partials.save': ['partials'],
  'partials.delete': ['partials'],
  'tokens.saveDictionary': ['dictionary'],
  'templates.saveVariants': ['variants'],
  'personas.fromAnalysis': ['personas'],
};

/** Cached methods each topic makes stale. `workspace` makes everything stale. */
export const TOPIC_METHODS: Record<Exclude<DataTopic, 'workspace'>, readonly MethodName[]> = {
  customers: [
    'customers.list',
    'customers.get',
    'customers.fields',
    'segments.list',
    'workspace.current',
    'preview.render',
    'customers.flags',
    'dedup.queue',
    'tokens.computed',
    'tokens.customer',
  ],
  imports: ['imports.list', 'imports.rejections', 'workspace.current'],
  // Not templates.get: an open editor is the source of truth for its template, and a push must never reload it.
  templates: ['templates.list', 'workspace.current'],
  segments: ['segments.list', 'workspace.current', 'customers.list', 'tokens.computed', 'tokens.customer'],
  personas: ['personas.list', 'preview.render'],
  audit: ['audit.latest'],
  qa: ['qa.latest'],
  dedup: ['dedup.queue', 'dedup.merges', 'dedup.rules', 'customers.list', 'customers.get', 'workspace.current', 'tokens.customer'],
  // Scores are tokens, rule conditions and customer-dialog values.
  scores: [
    'scores.rfm.settings.get',
    'scores.rfm.summary',
    'predictions.latest',
    'intent.latest',
    'intent.countAtLeast',
    'clusters.latest',
    'customers.get',
    'customers.list',
    'segments.list',
    'preview.render',
    'tokens.computed',
    'tokens.customer',
  ],
  // Partials and the dictionary change what every preview renders.
  partials: ['partials.list', 'preview.render'],
  dictionary: ['tokens.dictionary', 'preview.render'],
  variants: ['templates.variants'],
};

/** Methods to refresh after `topics` changed; null means everything (another workspace is open). */
export function staleMethods(topics: readonly DataTopic[]): MethodName[] | null {
  if (topics.includes('workspace')) return null;
  const methods = new Set<MethodName>();
  for (const topic of topics) if (topic !== 'workspace') for (const method of TOPIC_METHODS[topic]) methods.add(method);
  return [...methods];
}
