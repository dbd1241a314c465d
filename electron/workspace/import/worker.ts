import type { MessagePort } from 'node:worker_threads';
import type { ImportEntityName, ImportSettings } from '../../../shared/contract/schemas';
import { ENTITIES } from './entities';
import { runImport } from './run-import';
import { onTaskConnection } from '../task-connection';

/**
 * Worker-thread entry (a piscina task): runs one import on its own connection
 * to the workspace file (better-sqlite3 connections cannot cross threads; WAL
 * lets this writer and the host's reader work side by side). Progress goes
 * back over `port`. A cancel terminates this thread; the host then cleans up.
 */

export interface ImportTask {
  entity: ImportEntityName;
  workspace: string;
  importId: number;
  file: string;
  name: string;
  batchSize?: number;
  settings?: ImportSettings;
  port: MessagePort;
}

export function importTask(task: ImportTask): Promise<void> {
  return onTaskConnection(
    task,
    (db) =>
      runImport(db, ENTITIES[task.entity], task.importId, task.file, task.name, {
        batchSize: task.batchSize,
        settings: task.settings,
        control: { progress: (update) => task.port.postMessage(update) },
      }),
    { bulkWrites: true },
  );
}
