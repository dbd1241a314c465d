import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { ImportEntityName, ImportSettings } from '../../../shared/contract/schemas';
import { ENTITIES } from './entities';
import { runImport } from './run-import';

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

export async function importTask(task: ImportTask): Promise<void> {
  const db = new Database(task.workspace, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // As the host's connection: WAL with NORMAL loses no committed import on a crash, and skips an fsync per commit.
    db.pragma('synchronous = NORMAL');
    await runImport(db, ENTITIES[task.entity], task.importId, task.file, task.name, {
      batchSize: task.batchSize,
      settings: task.settings,
      control: { progress: (update) => task.port.postMessage(update) },
    });
  } catch (error) {
    // Only a plain Error crosses the thread boundary whole: a subclass (SqliteError) would arrive as its
    // own fields alone, without the message and stack the error log needs.
    if (error instanceof Error && Object.getPrototypeOf(error) !== Error.prototype) {
      throw Object.assign(new Error(`${error.name}: ${error.message}`), { stack: error.stack });
    }
    throw error;
  } finally {
    db.close();
    task.port.close();
  }
}
