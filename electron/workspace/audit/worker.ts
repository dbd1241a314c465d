import type { MessagePort } from 'node:worker_threads';
import type { AuditReport } from '../../../shared/audit/report';
import { runAudit } from './run-audit';
import { onTaskConnection } from '../task-connection';

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

export function auditTask(task: AuditTask): Promise<AuditReport> {
  return onTaskConnection(task, (db) => runAudit(db, { now: task.now, progress: (update) => task.port.postMessage(update) }), {
    readonly: true,
  });
}
