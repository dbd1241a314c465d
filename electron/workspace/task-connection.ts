import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { Db } from './db';

/** What every worker-thread task carries: the workspace file, and a port for progress when the job reports any. */
export interface WorkspaceTask {
  workspace: string;
  port?: MessagePort;
}

/**
 * Only a plain Error crosses the thread boundary whole: a subclass
 * (SqliteError) would arrive as its own fields alone, without the message
 * and stack the error log needs.
 */
function crossable(error: unknown): unknown {
  if (error instanceof Error && Object.getPrototypeOf(error) !== Error.prototype) {
    return Object.assign(new Error(`${error.name}: ${error.message}`), { stack: error.stack });
  }
  return error;
}

/**
 * Runs a worker-thread task's work on a connection of its own to the
 * workspace (a thread cannot share the host's), then closes it and the
 * progress port whatever happens. `bulkWrites` sets synchronous=NORMAL as the
 * host's connection does: under WAL a crash loses no committed transaction,
 * and a long write skips an fsync per commit.
 */
export async function onTaskConnection<T>(
  task: WorkspaceTask,
  work: (db: Db) => T | Promise<T>,
  options: { readonly?: boolean; bulkWrites?: boolean } = {},
): Promise<T> {
  const db = new Database(task.workspace, { readonly: options.readonly ?? false, fileMustExist: true });
  try {
    if (!options.readonly) {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    }
    if (options.bulkWrites) db.pragma('synchronous = NORMAL');
    return await work(db);
  } catch (error) {
    throw crossable(error);
  } finally {
    db.close();
    task.port?.close();
  }
}
