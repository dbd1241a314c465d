import { ContractError } from '../../../../shared/contract/envelope';
import type { UndoImportResult } from '../../../../shared/contract/schemas';
import { runOnOwnThread } from '../../../services/own-thread';
import type { Db } from '../../db';
import type { UndoOutcome, UndoTask } from './worker';

/** Undo an import on a worker thread (worker.ts); a refusal is thrown here as the ContractError it was. */
export async function undoInWorker(db: Db, importId?: number): Promise<UndoImportResult> {
  const task: UndoTask = { workspace: db.name, importId };
  const run = await runOnOwnThread<UndoOutcome>(__filename, 'undoTask', task);
  // Nothing aborts an undo: it is short and one transaction.
  if (run.cancelled) throw new Error('The undo was interrupted.');
  const outcome = run.result;
  if (!outcome.ok) throw new ContractError(outcome.code, outcome.message);
  return outcome.result;
}
