import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';

interface Props {
  mode: 'open' | 'create';
  defaultPath: string;
  busy: boolean;
  onSubmit: (path: string, demo: boolean) => void;
  onClose: () => void;
}

/** Browser mode has no native file dialogs, so workspace paths are typed (desktop uses the OS dialogs). */
export function WorkspacePathDialog({ mode, defaultPath, busy, onSubmit, onClose }: Props) {
  const [path, setPath] = useState(defaultPath);
  const [demo, setDemo] = useState(false);
  return (
    <Dialog
      title={mode === 'open' ? 'Open workspace' : 'New workspace'}
      description={
        mode === 'open'
          ? 'Path of a .tailor workspace file on this computer.'
          : 'Where to create the workspace file. A workspace is one file you can copy, back up or share.'
      }
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" disabled={busy || !path.trim()} onClick={() => onSubmit(path.trim(), demo)}>
            {mode === 'open' ? 'Open' : 'Create'}
          </button>
        </>
      }
    >
      <label className="field">
        <span>Workspace file</span>
        <input
          className="input mono"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && path.trim() && onSubmit(path.trim(), demo)}
          aria-label="Workspace file path"
        />
      </label>
      {mode === 'create' && (
        <label className="toggle">
          <input type="checkbox" checked={demo} onChange={(event) => setDemo(event.target.checked)} />
          Fill it with demo customers, segments and starter templates
        </label>
      )}
    </Dialog>
  );
}
