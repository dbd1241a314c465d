import path from 'node:path';
import { openWorkspace, withApp } from './commands';
import { followCliJob } from './follow-cli-job';
import { EXIT, type Output } from './io';
import { resolveTemplate } from './template-ref';

/**
 * `tailor proofs <ws> --template <t> --out <dir>`: the studio's proofs job
 * (headless Chromium for the screenshots), followed on the terminal with
 * Ctrl+C to cancel; prints the zip's path, or the run as JSON.
 */
export async function proofsCommand(out: Output, workspace: string, opts: { template: string; out: string }): Promise<number> {
  return withApp(out, async (client, app) => {
    const workspacePath = await openWorkspace(client, workspace);
    const template = await resolveTemplate(client, opts.template);
    const job = await followCliJob(
      out,
      client,
      app,
      () => client.call('proofs.start', { template: template.ref, dir: path.resolve(opts.out) }),
      {
        running: 'Making proofs',
        cancelling: 'Cancelling the proofs...',
      },
    );
    if (job.status === 'cancelled') {
      out.error('cancelled', 'proofs cancelled; no zip was written.');
      return EXIT.interrupted;
    }
    if (job.kind !== 'proofs.run' || job.status !== 'succeeded' || !job.result?.zip) {
      out.error('invalid_input', job.message ?? 'the proofs failed.');
      return EXIT.input;
    }
    const result = job.result;
    for (const persona of result.personas)
      if (persona.problem) out.note(`${template.label}: persona "${persona.label}" has no proof: ${persona.problem}`);
    if (out.json) out.document({ workspace: workspacePath, template: template.label, ...result });
    else {
      out.line(result.zip ?? '');
      for (const persona of result.personas)
        if (persona.png)
          out.line(`  ${persona.label}: ${persona.subject ?? '(no subject)'}${persona.preheader ? ` | ${persona.preheader}` : ''}`);
    }
    return EXIT.ok;
  });
}
