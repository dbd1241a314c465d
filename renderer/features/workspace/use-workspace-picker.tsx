import { useState } from 'react';
import { useWorkspaceActions } from './use-workspace-actions';
import { WorkspacePathDialog } from './WorkspacePathDialog';

/** The folder part of a path, on any platform. */
export const folderOf = (file: string): string => file.replace(/[\\/][^\\/]*$/, '');

/**
 * "Open workspace…" and "New workspace…": native file dialogs on the desktop,
 * a typed path in browser mode (which has none). Render `dialog` wherever the
 * hook is used.
 */
export function useWorkspacePicker(defaults: { openPath: string; folder: string }) {
  const createPath = `${defaults.folder}/New workspace.tailor`;
  const actions = useWorkspaceActions();
  const [mode, setMode] = useState<'open' | 'create' | null>(null);
  const shell = window.tailorShell;

  const pickOpen = async () => {
    if (!shell) return setMode('open');
    const picked = await shell.pickWorkspace();
    if (picked) await actions.open(picked);
  };
  const pickCreate = async () => {
    if (!shell) return setMode('create');
    const picked = await shell.saveWorkspace({ defaultPath: defaults.folder });
    if (picked) await actions.create(picked, false);
  };

  const dialog = mode && (
    <WorkspacePathDialog
      mode={mode}
      busy={actions.busy}
      defaultPath={mode === 'create' ? createPath : defaults.openPath}
      onClose={() => setMode(null)}
      onSubmit={(path, demo) => void (mode === 'open' ? actions.open(path) : actions.create(path, demo)).then((ok) => ok && setMode(null))}
    />
  );

  return { ...actions, pickOpen, pickCreate, dialog };
}
