/**
 * Every method of the Tailor API, by name. Kept free of imports so the
 * sandboxed Electron preload can bundle it without pulling zod in: the preload
 * exposes exactly one function per name listed here. `contract.ts` is checked
 * against this list at compile time, so the two cannot drift apart.
 */
export const METHOD_NAMES = [
  'app.info',
  'workspace.current',
  'workspace.open',
  'workspace.create',
  'workspace.recent',
  'customers.list',
  'customers.get',
  'customers.fields',
  'imports.start',
  'imports.list',
  'imports.rejections',
  'jobs.get',
  'jobs.cancel',
  'templates.list',
  'templates.get',
  'templates.create',
  'templates.save',
  'templates.rename',
  'templates.delete',
  'templates.starters',
  'segments.list',
  'segments.save',
  'segments.delete',
  'segments.count',
  'personas.list',
  'personas.save',
  'personas.delete',
  'preview.render',
  'render.customer',
  'export.run',
  'export.suggestDir',
  'workspace.compact',
  'templates.versions',
  'templates.version',
  'templates.checkpoint',
  'templates.restoreVersion',
  'templates.trash',
  'templates.restore',
  'imports.preview',
  'imports.discardUpload',
  'validation.rules',
  'validation.setRule',
  'imports.rejectsCsv',
  'customers.flags',
  'imports.undo',
  'audit.start',
  'audit.latest',
  'dedup.start',
  'dedup.queue',
  'dedup.decide',
  'dedup.merge',
  'dedup.merges',
  'dedup.undo',
  'dedup.rules',
  'dedup.saveRules',
  'customers.setFieldType',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** IPC channel for a method; one channel per method keeps sender checks per call. */
export const ipcChannel = (method: MethodName): string => `tailor:${method}`;
