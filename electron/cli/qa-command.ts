import { ContractError } from '../../shared/contract/envelope';
import { qaFailures, untakenBranches, type QaReport } from '../../shared/qa/qa-report';
import { openWorkspace, withApp } from './commands';
import { followCliJob } from './follow-cli-job';
import { EXIT, type Output } from './io';
import { findSegment } from './segments-command';
import { resolveTemplate } from './template-ref';

/** Exit code when QA ran and found what must block a send (distinct from bad input, 1). */
export const QA_FAILED = 3;

/**
 * Bulk QA from the command line, for CI: the same `qa.run` job the studio
 * runs (worker threads, Ctrl+C cancels), then the stored report as JSON or
 * text. Exits QA_FAILED when a token is empty without a fallback, a render
 * fails or the lint finds an error (`qaFailures`).
 */
export async function qaCommand(out: Output, workspace: string, opts: { template: string; segment?: string }): Promise<number> {
  return withApp(out, async (client, app) => {
    const workspacePath = await openWorkspace(client, workspace);
    const template = await resolveTemplate(client, opts.template);
    if (!('id' in template.ref))
      throw new ContractError('invalid_input', `qa checks a template saved in the workspace; import ${opts.template} as a template first.`);
    const templateId = template.ref.id;
    const segmentId = opts.segment === undefined ? undefined : findSegment(await client.call('segments.list', {}), opts.segment).id;
    const job = await followCliJob(out, client, app, () => client.call('qa.start', { templateId, segmentId }), {
      running: 'Checking recipients',
      cancelling: 'Cancelling QA...',
    });
    if (job.status === 'cancelled') {
      out.error('cancelled', 'QA cancelled; no report was stored.');
      return EXIT.interrupted;
    }
    const latest = await client.call('qa.latest', { templateId, segmentId });
    if (!latest) {
      out.error('internal', job.message ?? 'QA finished but left no report.');
      return EXIT.input;
    }
    const failures = qaFailures(latest.report);
    if (out.json) out.document({ workspace: workspacePath, ok: failures.length === 0, failures, ...latest.report });
    else out.lines(formatQaReport(latest.report, failures));
    return failures.length ? QA_FAILED : EXIT.ok;
  });
}

export function formatQaReport(report: QaReport, failures: readonly string[]): string[] {
  const lines = [
    `${report.templateName} over ${report.segmentName ?? 'the whole workspace'}: ${report.rendered.toLocaleString('en-US')} of ${report.recipients.toLocaleString('en-US')} recipients rendered in ${(report.ms / 1000).toFixed(1)} s`,
  ];
  for (const token of report.tokens) {
    if (token.empty) lines.push(`  empty     {{ ${token.token} }} for ${token.empty} (e.g. ${token.emptyExamples.join(', ')})`);
    if (token.fallback) lines.push(`  fallback  {{ ${token.token} }} for ${token.fallback} (e.g. ${token.fallbackExamples.join(', ')})`);
  }
  for (const branch of report.branches.filter((b) => !b.implicit)) {
    const share = report.rendered ? Math.round((1000 * branch.taken) / report.rendered) / 10 : 0;
    lines.push(`  branch    ${branch.kind} ${branch.condition} (line ${branch.line ?? '?'}): ${branch.taken} (${share}%)`);
  }
  for (const branch of untakenBranches(report))
    lines.push(`  untaken   ${branch.kind} ${branch.condition} at line ${branch.line ?? '?'}: nobody takes it`);
  for (const error of report.errors) lines.push(`  error     ${error.message} for ${error.count} (${error.customerIds.join(', ')})`);
  for (const url of report.urls) lines.push(`  url       ${url.attribute} ${url.reason} for ${url.count}: ${url.example}`);
  lines.push(
    `  size      largest ${Math.round(report.size.largestBytes / 1024)} KB (${report.size.largestCustomerId ?? '-'}); over Gmail's 102 KB: ${report.size.overGmailClip}`,
  );
  for (const finding of report.lint) lines.push(`  lint      ${finding.severity} ${finding.rule}: ${finding.message}`);
  lines.push(failures.length ? `FAILED: ${failures.length} problem(s) block a send.` : 'OK: nothing blocks a send.');
  return lines;
}
