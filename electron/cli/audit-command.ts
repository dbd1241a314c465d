import { formatAuditReport } from './audit-format';
import { openWorkspace, withApp } from './commands';
import { followCliJob } from './follow-cli-job';
import { EXIT, type Output } from './io';

/**
 * Audits a workspace through the contract (the same worker job the studio
 * runs, with pushed progress and Ctrl+C to cancel) and prints the report it
 * stored: JSON with --json, a table and the findings otherwise.
 */
export async function auditCommand(out: Output, workspace: string): Promise<number> {
  return withApp(out, async (client, app) => {
    const workspacePath = await openWorkspace(client, workspace);
    const job = await followCliJob(out, client, app, () => client.call('audit.start', {}), {
      running: 'Auditing',
      cancelling: 'Cancelling the audit...',
    });
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
