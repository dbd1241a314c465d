import path from 'node:path';
import type { ImportEntityName, ImportPolicy, ImportReport, ImportSettings } from '../../../shared/contract/schemas';
import type { Db } from '../db';
import { getImportReport, REPORT_REJECTION_SAMPLE } from '../imports-repo';
import { ENTITIES } from './entities';
import { recordPolicy } from './policy';
import { createImportRecord, runImport, type ImportControl } from './run-import';
import { displayNameOf } from './source';

/**
 * CSV import of customers, orders and events (see docs/architecture.md, Workspace → Import). The pieces: source.ts and encoding.ts (bytes and
 * their encoding), records.ts (the reader), pipeline.ts and steps.ts (named
 * steps a row goes through), stager.ts, and one folder per entity with its
 * header mapping, steps and committer. run-in-worker.ts runs all of it on a
 * worker thread for the hosts.
 */

export { MAX_COLUMNS } from './run-import';
export { MAX_RECORD_CHARS } from './records';
export type { ImportControl } from './run-import';
export { importCustomersInWorker, importInWorker } from './run-in-worker';
export { linkAllPending } from './activity/link';
export { undoImport } from './undo/undo-import';

/** How many rejections the returned report lists inline (the rest: imports.rejections). */
export const IMPORT_REPORT_REJECTION_SAMPLE = REPORT_REJECTION_SAMPLE;

export interface ImportCustomersOptions {
  /** Name recorded and shown for the file; browser uploads arrive under a temporary path. */
  displayName?: string;
  control?: ImportControl;
  /** Rows per staging transaction. */
  batchSize?: number;
  /** The user's choices (import wizard, mapping file). */
  settings?: ImportSettings;
  /** Parse on a thread of its own; by default only large files do (run-import.ts). */
  parseThread?: boolean;
  /** A customers import's re-import policy (overwrite when omitted). */
  policy?: ImportPolicy;
}

/** Import on the calling thread (tests, benchmarks; hosts use importCustomersInWorker). */
export function importCustomers(db: Db, file: string, options: ImportCustomersOptions = {}): Promise<ImportReport> {
  return importFile(db, 'customers', file, options);
}

/** Import customers, orders or events on the calling thread (tests, the demo generator; hosts use importInWorker). */
export async function importFile(
  db: Db,
  entity: ImportEntityName,
  file: string,
  options: ImportCustomersOptions = {},
): Promise<ImportReport> {
  const resolved = path.resolve(file);
  const name = displayNameOf(resolved, options.displayName);
  const importId = createImportRecord(db, ENTITIES[entity].kind, name, resolved);
  recordPolicy(db, importId, options.policy);
  await runImport(db, ENTITIES[entity], importId, resolved, name, {
    control: options.control,
    batchSize: options.batchSize,
    settings: options.settings,
    parseThread: options.parseThread,
  });
  return getImportReport(db, importId);
}
