import path from 'node:path';
import { ContractError } from '../../shared/contract/envelope';
import { ESP_NAMES, type EspId } from '../../shared/esp/esp';
import { openWorkspace, withApp } from './commands';
import { followCliJob } from './follow-cli-job';
import { EXIT, type Output } from './io';
import { resolveTemplate } from './template-ref';

/**
 * `audience`: a segment as the ESP's contact-import CSV (UTF-8 with a byte
 * order mark, so spreadsheets read accents right), written by the same job
 * as the Segments view's "Export audience…", followed on the terminal with
 * Ctrl+C to cancel. Values a spreadsheet would run are neutralised. With
 * `--template`, also the derived values its export asks for (what the ESP
 * cannot compute, e.g. a formatted date in Mailchimp). `--out` is replaced
 * if it exists, but never the workspace or another .tailor file.
 */
export async function audienceCommand(
  out: Output,
  workspace: string,
  opts: { segment: string; esp: EspId; out: string; template?: string },
): Promise<number> {
  const target = path.resolve(opts.out);
  return withApp(out, async (client, app) => {
    const workspacePath = await openWorkspace(client, workspace);
    const segment = /^\d+$/.test(opts.segment) ? Number(opts.segment) : opts.segment;
    const template = opts.template === undefined ? undefined : (await resolveTemplate(client, opts.template)).ref;
    const start = async () => {
      const input = { esp: opts.esp, template, out: target, replace: true };
      try {
        return await client.call('esp.audienceStart', { ...input, segment });
      } catch (error) {
        // A segment named with digits only: try the name before giving up.
        if (typeof segment !== 'number' || !(error instanceof ContractError) || error.code !== 'not_found') throw error;
        return client.call('esp.audienceStart', { ...input, segment: opts.segment });
      }
    };
    const job = await followCliJob(out, client, app, start, {
      running: 'Writing the audience',
      cancelling: 'Cancelling the audience export...',
    });
    if (job.status === 'cancelled') {
      out.error('cancelled', 'audience export cancelled; no file was written.');
      return EXIT.interrupted;
    }
    if (job.kind !== 'esp.audience' || job.status !== 'succeeded' || !job.result?.path) {
      out.error('invalid_input', job.message ?? 'the audience export failed.');
      return EXIT.input;
    }
    const { status: _status, message: _message, path: written, ...summary } = job.result;
    if (out.json) out.document({ workspace: workspacePath, out: written, ...summary });
    else {
      out.line(
        `Wrote ${summary.rows.toLocaleString('en-US')} contact${summary.rows === 1 ? '' : 's'} of "${summary.segment.name}" for ${ESP_NAMES[opts.esp]} to ${written}`,
      );
      out.line(`Columns: ${summary.columns.join(', ')}`);
      if (summary.neutralised > 0)
        out.line(
          `${summary.neutralised} value${summary.neutralised === 1 ? '' : 's'} that a spreadsheet would run as a formula start with an apostrophe.`,
        );
    }
    return EXIT.ok;
  });
}
