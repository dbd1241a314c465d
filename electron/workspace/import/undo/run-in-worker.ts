import { Piscina } from 'piscina';
import { ContractError } from '../../../../shared/contract/envelope';
import type { UndoImportResult } from '../../../../shared/contract/schemas';
import { workerEntry } from '../../../services/worker-entry';
import type { Db } from '../../db';
import type { UndoOutcome, UndoTask } from './worker';

/** Undo an import on a worker thread (worker.ts); a refusal is thrown here as the ContractError it was. */
export async function undoInWorker(db: Db, importId?: number): Promise<UndoImportResult> {
  const { filename, execArgv } = workerEntry(__filename, () => require.resolve('tsx'));
  const pool = new Piscina({ filename, name: 'undoTask', execArgv, minThreads: 0, maxThreads: 1, idleTimeout: 0 });
  try {
    const task: UndoTask = { workspace: db.name, importId };
    const outcome = (await pool.run(task)) as UndoOutcome;
    if (!outcome.ok) throw new ContractError(outcome.code, outcome.message);
    return outcome.result;
  } finally {
    await pool.destroy();
  }
}
