import { useApi } from '../../api/queries';
import { formatWhen } from '../../ui/format';
import { useWorkspacePicker } from './use-workspace-picker';
import { Brand } from '../../ui/Brand';

/** Shown when no workspace is open (the hosts normally open one at launch). */
export function WelcomeView() {
  const recent = useApi('workspace.recent', {});
  const info = useApi('app.info', {});
  const home = info.data?.homeDir ?? '';
  const actions = useWorkspacePicker({ openPath: `${home}/My workspace.tailor`, folder: home });

  return (
    <div className="welcome">
      <div className="card">
        <Brand>Welcome to Tailor</Brand>
        <p className="muted" style={{ margin: 0 }}>
          Load your customer data, segment it, and see every email as each kind of customer will see it. Everything stays on this computer.
        </p>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <button className="btn btn-primary" onClick={() => void actions.pickCreate()}>
            New workspace…
          </button>
          <button className="btn" onClick={() => void actions.pickOpen()}>
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
      {actions.dialog}
    </div>
  );
}
