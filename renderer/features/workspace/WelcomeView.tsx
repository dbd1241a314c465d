import { useState } from 'react';
import { useApi } from '../../api/queries';
import { formatWhen } from '../../ui/format';
import { useWorkspaceActions } from './use-workspace-actions';
import { WorkspacePathDialog } from './WorkspacePathDialog';

/** Shown when no workspace is open (the hosts normally open one at launch). */
export function WelcomeView() {
  const recent = useApi('workspace.recent', {});
  const info = useApi('app.info', {});
  const actions = useWorkspaceActions();
  const [dialog, setDialog] = useState<'open' | 'create' | null>(null);
  const shell = window.tailorShell;
  const home = info.data?.homeDir ?? '';

  const openWorkspace = async () => {
    if (!shell) return setDialog('open');
    const picked = await shell.pickWorkspace();
    if (picked) await actions.open(picked);
  };
  const newWorkspace = async () => {
    if (!shell) return setDialog('create');
    const picked = await shell.saveWorkspace({});
    if (picked) await actions.create(picked, false);
  };

  return (
    <div className="welcome">
      <div className="card">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            T
          </span>
          Welcome to Tailor
        </div>
        <p className="muted" style={{ margin: 0 }}>
          Load your customer data, segment it, and see every email as each kind of customer will see it. Everything stays on this computer.
        </p>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <button className="btn btn-primary" onClick={() => void newWorkspace()}>
            New workspace…
          </button>
          <button className="btn" onClick={() => void openWorkspace()}>
            Open workspace…
          </button>
          <button
            className="btn"
            disabled={actions.busy}
            onClick={() => void actions.create(`${home}/Tailor Demo ${Date.now()}.tailor`, true)}
          >
            Try the demo
          </button>
        </div>
        {recent.data && recent.data.length > 0 && (
          <>
            <b>Recent</b>
            <ul className="recent-list">
              {recent.data.map((item) => (
                <li key={item.path}>
                  <button disabled={!item.exists} onClick={() => void actions.open(item.path)}>
                    <span>
                      {item.name} {!item.exists && <span className="badge badge-danger">missing</span>}
                    </span>
                    <small>
                      {item.path} · {formatWhen(item.openedAt)}
                    </small>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {dialog && (
        <WorkspacePathDialog
          mode={dialog}
          busy={actions.busy}
          defaultPath={`${home}/My workspace.tailor`}
          onClose={() => setDialog(null)}
          onSubmit={(path, demo) =>
            void (dialog === 'open' ? actions.open(path) : actions.create(path, demo)).then((ok) => ok && setDialog(null))
          }
        />
      )}
    </div>
  );
}
