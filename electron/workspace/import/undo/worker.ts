import Database from 'better-sqlite3';
import type { UndoImportResult } from '../../../../shared/contract/schemas';
import { ContractError, type ErrorCode } from '../../../../shared/contract/envelope';
import { undoImport } from './undo-import';

/**
 * Worker-thread entry (a piscina task): undo on its own connection, because
 * deleting and restoring a large import's rows and recomputing the field
 * statistics can take seconds, and the host's thread must keep answering.
 * A refusal crosses back as data: a ContractError would arrive without its class.
 */

export interface UndoTask {
  workspace: string;
  importId?: number;
}

export type UndoOutcome = { ok: true; result: UndoImportResult } | { ok: false; code: ErrorCode; message: string };

export function undoTask(task: UndoTask): UndoOutcome {
  const db = new Database(task.workspace, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return { ok: true, result: undoImport(db, task.importId) };
  } catch (error) {
    if (error instanceof ContractError) return { ok: false, code: error.code, message: error.message };
    // Only a plain Error crosses the thread boundary whole (see the import worker).
    if (error instanceof Error && Object.getPrototypeOf(error) !== Error.prototype) {
      throw Object.assign(new Error(`${error.name}: ${error.message}`), { stack: error.stack });
    }
    throw error;
  } finally {
    db.close();
  }
}
