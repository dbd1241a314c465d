import type { AuditOutcome, AuditReport } from '../../../shared/audit/report';
import { runOnOwnThread } from '../../services/own-thread';
import type { Db } from '../db';
import { saveAuditReport } from './audit-repo';
import type { AuditProgress } from './run-audit';
import type { AuditTask } from './worker';

export interface WorkerAuditOptions {
  now?: number;
  control: { signal: AbortSignal; progress(update: AuditProgress): void };
}

/**
 * Runs the audit on a worker thread (reading a million customers twice must
 * not block the host), then stores the report here, on the host's own
 * connection, in one statement: a cancelled audit stores nothing and leaves
 * the previous report in place.
 */
export async function auditInWorker(db: Db, options: WorkerAuditOptions): Promise<AuditOutcome> {
  const { control } = options;
  const task: Omit<AuditTask, 'port'> = { workspace: db.name, now: options.now };
  const run = await runOnOwnThread<AuditReport, AuditProgress>(__filename, 'auditTask', task, {
    signal: control.signal,
    progress: (update) => control.progress(update),
  });
  if (run.cancelled) return { status: 'cancelled', message: 'Audit cancelled; the previous report is kept.', fields: 0, findings: 0 };
  const report = run.result;
  saveAuditReport(db, report);
  const findings = report.findings.length;
  return {
    status: 'succeeded',
    message: `Audited ${report.fields.length} fields: ${findings === 0 ? 'nothing unusual' : `${findings} finding${findings === 1 ? '' : 's'}`}.`,
    fields: report.fields.length,
    findings,
  };
}
