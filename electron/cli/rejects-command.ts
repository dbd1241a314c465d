import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { ContractError } from '../../shared/contract/envelope';
import { openWorkspace, withApp } from './commands';
import { EXIT, type Output } from './io';

export function parseImportId(value: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value) || id < 1 || !Number.isSafeInteger(id)) throw new InvalidArgumentError('Give an import number, like 3.');
  return id;
}

/**
 * Writes an import's rejected rows as a CSV to fix and import again (UTF-8 with
 * a byte order mark, so spreadsheets read accents right). It never writes over
 * the file that was imported: that would lose the rows that went in.
 */
export async function rejectsCommand(out: Output, workspace: string, opts: { import?: number; out: string }): Promise<number> {
  const target = path.resolve(opts.out);
  return withApp(out, async (client, app) => {
    const workspacePath = await openWorkspace(client, workspace);
    const rejects = await client.call('imports.rejectsCsv', opts.import === undefined ? {} : { importId: opts.import });
    const imported = app.session.require().db.prepare('SELECT file_path FROM imports WHERE id = ?').pluck().get(rejects.importId);
    if (sameFile(target, workspacePath) || (typeof imported === 'string' && sameFile(target, imported))) {
      throw new ContractError('invalid_input', `${target} is the workspace or the imported file; give another --out path.`);
    }
    fs.writeFileSync(target, `\uFEFF${rejects.csv}`);
    if (out.json) {
      out.document({ workspace: workspacePath, importId: rejects.importId, out: target, rows: rejects.rows });
    } else {
      out.line(
        `Wrote ${rejects.rows.toLocaleString('en-US')} rejected row${rejects.rows === 1 ? '' : 's'} of import #${rejects.importId} to ${target}`,
      );
      out.line('Fix them there (the first column says why each was rejected) and import the file again as it is.');
    }
    return EXIT.ok;
  });
}

function sameFile(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}
