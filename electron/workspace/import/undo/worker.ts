import type { UndoImportResult } from '../../../../shared/contract/schemas';
import { ContractError, type ErrorCode } from '../../../../shared/contract/envelope';
import { undoImport } from './undo-import';
import { onTaskConnection } from '../../task-connection';

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

export function undoTask(task: UndoTask): Promise<UndoOutcome> {
  return onTaskConnection(task, (db): UndoOutcome => {
    try {
      return { ok: true, result: undoImport(db, task.importId) };
    } catch (error) {
      // A refusal (nothing to undo) is an answer, not a failure: it crosses back as data with its code.
      if (error instanceof ContractError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  });
}
