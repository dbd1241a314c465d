import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { AuditOutcome, AuditReport } from '../../../shared/audit/report';
import { workerEntry } from '../../services/worker-entry';
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
  const { filename, execArgv } = workerEntry(__filename, () => require.resolve('tsx'));
  const pool = new Piscina({ filename, name: 'auditTask', execArgv, minThreads: 0, maxThreads: 1, idleTimeout: 0 });
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (update: AuditProgress) => control.progress(update));
  const task: AuditTask = { workspace: db.name, now: options.now, port: port2 };
  try {
    const report = (await pool.run(task, { transferList: [port2], signal: control.signal })) as AuditReport;
    saveAuditReport(db, report);
    const findings = report.findings.length;
    return {
      status: 'succeeded',
      message: `Audited ${report.fields.length} fields: ${findings === 0 ? 'nothing unusual' : `${findings} finding${findings === 1 ? '' : 's'}`}.`,
      fields: report.fields.length,
      findings,
    };
  } catch (error) {
    if (control.signal.aborted)
      return { status: 'cancelled', message: 'Audit cancelled; the previous report is kept.', fields: 0, findings: 0 };
    throw error;
  } finally {
    port1.close();
    await pool.destroy();
  }
}
