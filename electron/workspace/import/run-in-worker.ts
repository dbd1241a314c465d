import path from 'node:path';
import type { ImportEntityName, ImportPolicy, ImportReport, ImportSettings } from '../../../shared/contract/schemas';
import { runOnOwnThread, type ThreadRun } from '../../services/own-thread';
import type { Db } from '../db';
import { getImportReport } from '../imports-repo';
import { ENTITIES } from './entities';
import { abandonImport, INTERNAL_FAILURE } from './finish';
import { createImportRecord, type ImportProgress } from './run-import';
import { recordPolicy } from './policy';
import { displayNameOf } from './source';
import { plural } from './text';
import type { ImportTask } from './worker';

/**
 * Runs an import (customers, orders or events) on a worker thread, so reading, parsing and staging
 * a large file never blocks the host's main thread. Progress arrives as
 * messages and is passed to the job's control; a cancel terminates the
 * worker (piscina's abort), waits for the thread to stop (its connection
 * closes, rolling back any open transaction and dropping its temp tables with
 * the staged rows), then marks the import cancelled here.
 */

export interface WorkerImportOptions {
  displayName?: string;
  batchSize?: number;
  /** The user's choices (import wizard, mapping file). */
  settings?: ImportSettings;
  control: { signal: AbortSignal; progress(update: ImportProgress): void };
  /** A customers import's re-import policy, recorded on its imports row for the committer. */
  policy?: ImportPolicy;
}

export function importCustomersInWorker(db: Db, file: string, options: WorkerImportOptions): Promise<ImportReport> {
  return importInWorker(db, 'customers', file, options);
}

export async function importInWorker(db: Db, entity: ImportEntityName, file: string, options: WorkerImportOptions): Promise<ImportReport> {
  const resolved = path.resolve(file);
  const name = displayNameOf(resolved, options.displayName);
  const importId = createImportRecord(db, ENTITIES[entity].kind, name, resolved);
  recordPolicy(db, importId, options.policy);
  const { control } = options;
  let rows = 0;
  const task: Omit<ImportTask, 'port'> = {
    entity,
    workspace: db.name,
    importId,
    file: resolved,
    name,
    batchSize: options.batchSize,
    settings: options.settings,
  };
  let run: ThreadRun<void>;
  try {
    run = await runOnOwnThread<void, ImportProgress>(__filename, 'importTask', task, {
      signal: control.signal,
      progress: (update) => {
        rows = update.rows;
        control.progress(update);
      },
    });
  } catch (error) {
    // A bug (the worker's own failures are reports, not errors): recorded, then reported under an error id by the job.
    abandonImport(db, importId, 'failed', INTERNAL_FAILURE(name), rows);
    throw error;
  }
  if (run.cancelled) {
    abandonImport(
      db,
      importId,
      'cancelled',
      `Cancelled after reading ${plural(rows, 'row', 'rows')}; nothing from ${name} was imported.`,
      rows,
    );
  }
  return getImportReport(db, importId);
}
