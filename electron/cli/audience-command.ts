import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../shared/contract/envelope';
import { ESP_NAMES, type EspId } from '../../shared/esp/esp';
import { openWorkspace, withApp } from './commands';
import { EXIT, type Output } from './io';
import { resolveTemplate } from './template-ref';

/**
 * `audience`: a segment as the ESP's contact-import CSV (UTF-8 with a byte
 * order mark, so spreadsheets read accents right). Values a spreadsheet
 * would run are neutralised. With `--template`, also the derived values its
 * export asks for (what the ESP cannot compute, e.g. a formatted date in
 * Mailchimp). Never writes over the workspace itself.
 */
export async function audienceCommand(
  out: Output,
  workspace: string,
  opts: { segment: string; esp: EspId; out: string; template?: string },
): Promise<number> {
  const target = path.resolve(opts.out);
  return withApp(out, async (client) => {
    const workspacePath = await openWorkspace(client, workspace);
    if (target === path.resolve(workspacePath))
      throw new ContractError('invalid_input', `${target} is the workspace; give another --out path.`);
    const segment = /^\d+$/.test(opts.segment) ? Number(opts.segment) : opts.segment;
    const template = opts.template === undefined ? undefined : (await resolveTemplate(client, opts.template)).ref;
    let audience;
    try {
      audience = await client.call('esp.audience', { segment, esp: opts.esp, template });
    } catch (error) {
      // A segment named with digits only: try the name before giving up.
      if (typeof segment !== 'number' || !(error instanceof ContractError) || error.code !== 'not_found') throw error;
      audience = await client.call('esp.audience', { segment: opts.segment, esp: opts.esp, template });
    }
    try {
      fs.writeFileSync(target, `\uFEFF${audience.csv}`);
    } catch (error) {
      throw new ContractError('bad_file', `Cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { csv: _csv, ...summary } = audience;
    if (out.json) out.document({ workspace: workspacePath, out: target, ...summary });
    else {
      out.line(
        `Wrote ${audience.rows.toLocaleString('en-US')} contact${audience.rows === 1 ? '' : 's'} of "${audience.segment.name}" for ${ESP_NAMES[opts.esp]} to ${target}`,
      );
      out.line(`Columns: ${audience.columns.join(', ')}`);
      if (audience.neutralised > 0)
        out.line(
          `${audience.neutralised} value${audience.neutralised === 1 ? '' : 's'} that a spreadsheet would run as a formula start with an apostrophe.`,
        );
    }
    return EXIT.ok;
  });
}
