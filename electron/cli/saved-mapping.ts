import type { Client } from '../../shared/contract/contract';
import type { ImportEntityName, ImportSettings } from '../../shared/contract/schemas';
import type { Output } from './io';

/**
 * Without --mapping, the mapping saved in the workspace for the file's header row (the one the user confirmed in
 * the wizard or imported with --mapping), as the wizard proposes it. Importing with detection alone would read the
 * next export differently and then save that over the user's mapping.
 */
export async function savedMappingFor(
  out: Output,
  client: Client,
  file: string,
  entity: ImportEntityName,
): Promise<ImportSettings | undefined> {
  // A file the preview cannot read is left to the import, which reports it.
  const preview = await client.call('imports.preview', { path: file, entity, rows: 1 }).catch(() => null);
  if (!preview?.saved?.applied) return undefined;
  out.note(`Using the mapping saved on ${preview.saved.savedAt} for files with this header (give --mapping <file> to use another).`);
  return preview.settings;
}
