import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { AuditReport } from '../../../shared/audit/report';
import { runAudit } from './run-audit';

/**
 * Worker-thread entry (a piscina task): audits the workspace on a read-only
 * connection of its own, posting progress over `port`. A cancel terminates
 * the thread; nothing was written, so nothing needs undoing.
 */

export interface AuditTask {
  workspace: string;
  now?: number;
  port: MessagePort;
}

export function auditTask(task: AuditTask): AuditReport {
  const db = new Database(task.workspace, { readonly: true, fileMustExist: true });
  try {
    return runAudit(db, { now: task.now, progress: (update) => task.port.postMessage(update) });
  } catch (error) {
    // Only a plain Error crosses the thread boundary whole (see the import worker).
    if (error instanceof Error && Object.getPrototypeOf(error) !== Error.prototype) {
      throw Object.assign(new Error(`${error.name}: ${error.message}`), { stack: error.stack });
    }
    throw error;
  } finally {
    db.close();
    task.port.close();
  }
}
