import { useEffect, useState } from 'react';
import { ContractError } from '../../../shared/contract/envelope';
import type { EspExportResult } from '../../../shared/contract/esp-schemas';
import type { ExportResult } from '../../../shared/contract/schemas';
import { ESP_IDS, ESP_NAMES, type EspId } from '../../../shared/esp/esp';
import { EspExportPanel } from '../esp/EspExportPanel';
import { RoundTripSummary } from '../esp/RoundTripSummary';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';
import { Dialog } from '../../ui/Dialog';
import { EspOptions } from '../esp/EspOptions';
import { formatBytes } from '../../ui/format';

interface Props {
  templateId: number;
  templateName: string;
  /** Saves pending edits first, so the export is what the editor shows; false when that failed. */
  beforeExport: () => Promise<boolean>;
  onClose: () => void;
}

/** Joins for display only; the host builds the real path. */
const joinForDisplay = (dir: string, folder: string): string => {
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(separator) ? `${dir}${folder}` : `${dir}${separator}${folder}`;
};

/**
 * Writes the ESP-ready HTML (tokens kept, CSS inlined), a text part and each
 * persona's rendering to a new folder inside the chosen one. An existing
 * folder of that name is only ever replaced after the user says so.
 */
export function ExportDialog({ templateId, templateName, beforeExport, onClose }: Props) {
  const [dir, setDir] = useState('');
  const [folder, setFolder] = useState('');
  const [personas, setPersonas] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | EspExportResult | null>(null);
  /** null: Tailor's own HTML with Liquid tokens; else the ESP whose language the export is written in. */
  const [esp, setEsp] = useState<EspId | null>(null);
  const [minify, setMinify] = useState(false);
  /** The ESP preview converts the stored template: it waits until pending edits are saved. */
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Set when the folder exists (the host's message, kept for the record): the dialog asks before replacing. */
  const [conflict, setConflict] = useState<string | null>(null);
  const shell = window.tailorShell;

  useEffect(() => {
    api.call('export.suggestDir', { template: { id: templateId } }).then(
      (suggestion) => {
        setDir((current) => current || suggestion.dir);
        setFolder((current) => current || suggestion.folder);
      },
      () => undefined,
    );
  }, [templateId]);

  useEffect(() => {
    if (esp === null || saved) return;
    void beforeExport().then((ok) => {
      if (ok) setSaved(true);
      else setProblem('Your latest edits could not be saved, so the preview would not match the editor. Try saving again.');
    });
  }, [esp, saved, beforeExport]);

  const run = async (replace: boolean) => {
    setBusy(true);
    setProblem(null);
    setConflict(null);
    try {
      if (!(await beforeExport())) throw new Error('Your latest edits could not be saved, so nothing was exported. Try saving again.');
      const target = { template: { id: templateId }, dir: dir.trim(), folder: folder.trim() || undefined, replace };
      setResult(
        esp === null ? await api.call('export.run', { ...target, personas }) : await api.call('esp.export', { ...target, esp, minify }),
      );
    } catch (error) {
      if (!replace && error instanceof ContractError && error.code === 'conflict') setConflict(error.message);
      else setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Export “${templateName}”`}
      description="Compiled HTML keeps every token for your ESP to fill in; CSS is inlined so it survives email clients."
      onClose={onClose}
      busy={busy}
      width={esp === null ? undefined : Math.min(1100, window.innerWidth - 48)}
      footer={
        result ? (
          <>
            {shell && (
              <button className="btn" onClick={() => void shell.showItemInFolder(result.files[0]?.path ?? result.dir)}>
                Show in folder
              </button>
            )}
            <button className="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </>
        ) : (
          <>
            <button className="btn" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            {conflict ? (
              <button className="btn btn-danger" onClick={() => void run(true)} disabled={busy}>
                {busy ? 'Replacing…' : 'Replace export'}
              </button>
            ) : (
              <button className="btn btn-primary" onClick={() => void run(false)} disabled={busy || !dir.trim()}>
                {busy ? 'Exporting…' : 'Export'}
              </button>
            )}
          </>
        )
      }
    >
      {!result && (
        <>
          <label className="field">
            <span>Format</span>
            <select
              className="select"
              value={esp ?? ''}
              onChange={(e) => {
                const picked = ESP_IDS.find((id) => id === e.target.value) ?? null;
                setEsp(picked);
                setConflict(null);
              }}
              aria-label="Export format"
            >
              <option value="">Tailor HTML (Liquid tokens kept)</option>
              <EspOptions />
            </select>
          </label>
          <label className="field">
            <span>Folder</span>
            <div style={{ display: 'flex', gap: 8 }}>
              <input
                className="input mono"
                style={{ flex: 1 }}
                value={dir}
                onChange={(e) => {
                  setDir(e.target.value);
                  setConflict(null);
                }}
                aria-label="Export folder"
              />
              {shell && (
                <button
                  className="btn"
                  onClick={() =>
                    void shell.pickFolder({ title: 'Export to folder', defaultPath: dir }).then((picked) => {
                      if (!picked) return;
                      setDir(picked);
                      setConflict(null);
                    })
                  }
                >
                  Choose…
                </button>
              )}
            </div>
          </label>
          <label className="field">
            <span>New folder</span>
            <input
              className="input mono"
              value={folder}
              onChange={(e) => {
                setFolder(e.target.value);
                setConflict(null);
              }}
              aria-label="New folder name"
            />
          </label>
          {dir.trim() && folder.trim() && (
            <p className="muted" style={{ margin: 0, fontSize: 12 }}>
              Creates <span className="mono">{joinForDisplay(dir.trim(), folder.trim())}</span> and leaves everything else in the folder
              alone.
            </p>
          )}
          {esp === null ? (
            <label className="toggle">
              <input type="checkbox" checked={personas} onChange={(e) => setPersonas(e.target.checked)} />
              Also write the email as each persona receives it
            </label>
          ) : (
            <>
              <label className="toggle">
                <input type="checkbox" checked={minify} onChange={(e) => setMinify(e.target.checked)} />
                Minify the HTML
              </label>
              <EspExportPanel templateId={templateId} esp={esp} minify={minify} ready={saved} />
            </>
          )}
        </>
      )}
      {conflict && (
        <div className="alert alert-warning" role="alert">
          “{folder.trim()}” already exists there. Replace the export in it? Every file of the earlier export is removed and nothing outside
          that folder is touched; Tailor only replaces its own exports. Or change the folder name to keep both.
        </div>
      )}
      {problem && (
        <div className="alert alert-danger" role="alert">
          {problem}
        </div>
      )}
      {result && (
        <>
          <div className="alert alert-success" role="status">
            {result.replaced ? 'Replaced the export in' : `Exported ${result.files.length} files to`}{' '}
            <span className="mono">{result.dir}</span>
          </div>
          <table className="table" aria-label="Exported files">
            <thead>
              <tr>
                <th>File</th>
                <th>Kind</th>
                <th>Size</th>
              </tr>
            </thead>
            <tbody>
              {result.files.map((file) => (
                <tr key={file.path}>
                  <td className="mono" title={file.path}>
                    {file.path.slice(result.dir.length + 1)}
                  </td>
                  <td>
                    {file.kind === 'persona'
                      ? 'Persona rendering'
                      : 'esp' in result
                        ? `${file.kind === 'compiled' ? 'HTML' : 'Plain text'} in ${ESP_NAMES[result.esp]}'s language`
                        : file.kind === 'compiled'
                          ? 'ESP-ready HTML (tokens kept)'
                          : 'Plain text'}
                  </td>
                  <td>{formatBytes(file.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {'esp' in result && <RoundTripSummary report={result.roundTrip} />}
        </>
      )}
    </Dialog>
  );
}
