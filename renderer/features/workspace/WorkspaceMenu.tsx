import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useWorkspaceCommands } from './use-workspace-commands';
import { MenuShortcut } from '../../app/commands/MenuShortcut';
import type { WorkspaceInfo } from '../../../shared/contract/schemas';
import type { ShellCommand } from '../../platform/shell-bridge';
import { toast } from 'sonner';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { countOf, formatBytes } from '../../ui/format';
import { folderOf, useWorkspacePicker } from './use-workspace-picker';
import { useDismiss } from '../../ui/use-dismiss';

/** The workspace chip in the top bar: what is open, and switching to another. */
export function WorkspaceMenu({ workspace }: { workspace: WorkspaceInfo }) {
  const [open, setOpen] = useState(false);
  const recent = useApi('workspace.recent', {}, { enabled: open });
  const actions = useWorkspacePicker({ openPath: workspace.path, folder: folderOf(workspace.path) });
  const ref = useRef<HTMLDivElement>(null);
  const shell = window.tailorShell;

  useDismiss(ref, open, () => setOpen(false));

  const openWorkspace = () => {
    setOpen(false);
    return actions.pickOpen();
  };
  const newWorkspace = () => {
    setOpen(false);
    return actions.pickCreate();
  };
  const compaction = useApiMutation('workspace.compact');
  const compact = () => {
    setOpen(false);
    compaction.mutate(
      {},
      {
        onSuccess: ({ before, after }) =>
          toast.success(
            before > after
              ? `Compacted ${workspace.name}: ${formatBytes(before)} → ${formatBytes(after)}`
              : `${workspace.name} was already compact (${formatBytes(after)}).`,
          ),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  };

  useWorkspaceCommands({ open: openWorkspace, create: newWorkspace, compact });

  // The desktop menu (File > Open / New) and second launches arrive as shell commands.
  const onShellCommand = useEffectEvent((command: ShellCommand) => {
    if (command.kind === 'openWorkspace') void openWorkspace();
    else if (command.kind === 'newWorkspace') void newWorkspace();
    else void actions.open(command.path);
  });
  useEffect(() => shell?.onCommand(onShellCommand), [shell]);

  return (
    <div ref={ref} className="workspace-menu">
      <button className="workspace-chip" onClick={() => setOpen(!open)} aria-haspopup="menu" aria-expanded={open} title={workspace.path}>
        <b>{workspace.name}</b>
        <small>
          {countOf(workspace.counts.customers, 'customer')} · {countOf(workspace.counts.templates, 'template')}
        </small>
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <div className="menu" role="menu">
          <button className="item" role="menuitem" onClick={() => void openWorkspace()} style={{ gridTemplateColumns: '1fr auto' }}>
            Open workspace… <MenuShortcut command="workspace.open" />
          </button>
          <button className="item" role="menuitem" onClick={() => void newWorkspace()} style={{ gridTemplateColumns: '1fr auto' }}>
            New workspace… <MenuShortcut command="workspace.new" />
          </button>
          <button
            className="item"
            role="menuitem"
            onClick={compact}
            disabled={compaction.isPending}
            title="Rewrite the workspace file without the space left by deleted data"
          >
            {compaction.isPending ? 'Compacting…' : 'Compact workspace'}
          </button>
          <hr />
          <div className="section">Recent</div>
          {(recent.data ?? [])
            .filter((item) => item.path !== workspace.path)
            .map((item) => (
              <button
                key={item.path}
                className="item"
                role="menuitem"
                disabled={!item.exists}
                onClick={() => {
                  setOpen(false);
                  void actions.open(item.path);
                }}
              >
                <span>
                  {item.name} {!item.exists && <span className="badge badge-danger">missing</span>}
                </span>
                <small className="muted mono">{item.path}</small>
              </button>
            ))}
          {recent.data && recent.data.filter((item) => item.path !== workspace.path).length === 0 && (
            <div className="muted" style={{ padding: '4px 10px 8px', fontSize: 12 }}>
              Workspaces you open appear here.
            </div>
          )}
        </div>
      )}
      {actions.dialog}
    </div>
  );
}
