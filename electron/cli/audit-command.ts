import { followJob } from '../../shared/contract/follow-job';
import type { Job } from '../../shared/contract/schemas';
import { formatAuditReport } from './audit-format';
import { onInterrupt, openWorkspace, withApp } from './commands';
import { EXIT, type Output } from './io';

/**
 * Audits a workspace through the contract (the same worker job the studio
 * runs, with pushed progress and Ctrl+C to cancel) and prints the report it
 * stored: JSON with --json, a table and the findings otherwise.
 */
export async function auditCommand(out: Output, workspace: string): Promise<number> {
  return withApp(out, async (client, app) => {
    const workspacePath = await openWorkspace(client, workspace);
    const showProgress = out.io.stderr.isTTY === true && !out.json;
    let cancel = (): void => undefined;
    let interrupted = false;
    const detach = onInterrupt(out, () => {
      interrupted = true;
      out.note('Cancelling the audit...');
      cancel();
    });
    let job: Job;
    try {
      const { jobId } = await client.call('audit.start', {});
      cancel = () => void client.call('jobs.cancel', { jobId });
      if (interrupted) cancel();
      const feed = { subscribe: app.events.subscribe.bind(app.events), get: (id: string) => client.call('jobs.get', { jobId: id }) };
      job = await followJob(feed, jobId, (update) => {
        const { done, total } = update.progress;
        if (showProgress && update.status === 'running' && total)
          out.io.stderr.write(`\r\u001b[KAuditing… ${Math.floor((100 * done) / total)}%`);
      }).done;
      if (showProgress) out.io.stderr.write('\r\u001b[K');
    } finally {
      detach();
    }
    if (job.status === 'cancelled') {
      out.error('cancelled', 'audit cancelled; the workspace is unchanged.');
      return EXIT.interrupted;
    }
    if (job.status !== 'succeeded') {
      out.error('internal', job.message ?? 'the audit failed.');
      return EXIT.input;
    }
    const report = await client.call('audit.latest', {});
    if (!report) {
      out.error('internal', 'the audit finished but left no report.');
      return EXIT.input;
    }
    if (out.json) out.document({ workspace: workspacePath, ...report });
    else out.lines(formatAuditReport(report, workspacePath));
    return EXIT.ok;
  });
}
