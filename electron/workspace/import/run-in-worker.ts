import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ImportEntityName, ImportPolicy, ImportReport, ImportSettings } from '../../../shared/contract/schemas';
import { workerEntry } from '../../services/worker-entry';
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
  const { filename, execArgv } = workerEntry(__filename, () => require.resolve('tsx'));
  const pool = new Piscina({ filename, name: 'importTask', execArgv, minThreads: 0, maxThreads: 1, idleTimeout: 0 });
  const { port1, port2 } = new MessageChannel();
  let rows = 0;
  port1.on('message', (update: ImportProgress) => {
    rows = update.rows;
    control.progress(update);
  });
  const task: ImportTask = {
    entity,
    workspace: db.name,
    importId,
    file: resolved,
    name,
    batchSize: options.batchSize,
    settings: options.settings,
    port: port2,
  };
  let failure: { error: unknown } | null = null;
  try {
    await pool.run(task, { transferList: [port2], signal: control.signal });
  } catch (error) {
    failure = { error };
  } finally {
    port1.close();
    // Resolves once the thread has stopped, so its connection no longer holds the write lock.
    await pool.destroy();
  }
  if (failure !== null) {
    if (control.signal.aborted) {
      abandonImport(
        db,
        importId,
        'cancelled',
        `Cancelled after reading ${plural(rows, 'row', 'rows')}; nothing from ${name} was imported.`,
        rows,
      );
    } else {
      // A bug (the worker's own failures are reports, not errors): recorded, then reported under an error id by the job.
      abandonImport(db, importId, 'failed', INTERNAL_FAILURE(name), rows);
      throw failure.error;
    }
  }
  return getImportReport(db, importId);
}
