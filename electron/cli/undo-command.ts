import type { UndoImportResult } from '../../shared/contract/schemas';
import { openWorkspace, withApp } from './commands';
import { EXIT, type Output } from './io';

const count = (n: number): string => n.toLocaleString('en-US');

export function formatUndo(result: UndoImportResult, workspace: string): string[] {
  const noun = result.entity;
  const lines = [
    `Undid import #${result.importId} (${result.file}) in ${workspace}`,
    `  ${noun} deleted:  ${count(result.deleted)} (it had created them)`,
  ];
  if (noun !== 'events') lines.push(`  ${noun} restored: ${count(result.restored)} (back to their earlier values)`);
  if (result.detached > 0) lines.push(`  unlinked again: ${count(result.detached)} earlier orders and events it had attached`);
  return lines;
}

/** Undo the workspace's last import; a refusal (not the last, or a later change depends on it) exits 1 with the reason. */
export async function undoImportCommand(out: Output, workspace: string): Promise<number> {
  return withApp(out, async (client) => {
    const workspacePath = await openWorkspace(client, workspace);
    const result = await client.call('imports.undo', {});
    if (out.json) out.document(result);
    else out.lines(formatUndo(result, workspacePath));
    return EXIT.ok;
  });
}
