import fs from 'node:fs';
import path from 'node:path';
import type { ImportEntityName } from '../../shared/contract/schemas';
import { openWorkspace, withApp } from './commands';
import { EXIT, type Output } from './io';
import { writeMappingFile } from './mapping-file-io';

/**
 * `tailor mapping <ws> --customers <csv> --out <json>`: the mapping the import wizard would propose for this file
 * (the one saved for its header row, or what detection finds), written as a file to edit and pass to --mapping.
 */
export async function mappingCommand(
  out: Output,
  workspace: string,
  opts: { entity: ImportEntityName; file: string; out: string },
): Promise<number> {
  return withApp(out, async (client) => {
    await openWorkspace(client, workspace);
    const preview = await client.call('imports.preview', { path: path.resolve(opts.file), entity: opts.entity, rows: 1 });
    const written = writeMappingFile(opts.out, opts.entity, { ...preview.settings, columns: preview.settings.columns ?? [] });
    if (out.json)
      out.document({ file: written, mapping: JSON.parse(fs.readFileSync(written, 'utf8')) as unknown, problem: preview.problem });
    else {
      out.line(
        `Wrote the mapping of ${path.resolve(opts.file)} to ${written}${preview.saved?.applied ? ` (saved in the workspace on ${preview.saved.savedAt})` : ''}.`,
      );
      for (const column of preview.columns) {
        const where = column.target === 'ignored' ? 'ignored' : `${column.target === 'canonical' ? '' : 'custom '}${column.key}`;
        out.line(`  ${column.header || '(blank)'} → ${where} (${column.type})`);
      }
      if (preview.problem) out.line(`As detected, the import would stop: ${preview.problem} Edit the file, then import with --mapping.`);
    }
    return EXIT.ok;
  });
}
