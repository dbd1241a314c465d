import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { toast } from 'sonner';
import type { Template, TemplateVersionMeta } from '../../../../shared/contract/schemas';
import { errorMessage, useApi } from '../../../api/queries';
import { api } from '../../../api/transport';
import { Dialog } from '../../../ui/Dialog';
import { listKeyTarget } from '../../../ui/list-keys';

// The diff editor is Monaco: loaded when the history is first opened.
const VersionDiff = lazy(async () => ({ default: (await import('./VersionDiff')).VersionDiff }));

/** Saves come seconds apart: versions show their time to the second. */
const formatWhen = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
};

interface Props {
  templateId: number;
  templateName: string;
  /** The text in the editor now: what each version is compared with. */
  currentSource: string;
  /** Saves pending edits first, so the text a restore replaces is kept as a version. */
  beforeRestore: () => Promise<boolean>;
  onRestored: (template: Template) => void;
  onClose: () => void;
}

function describeVersion(version: TemplateVersionMeta, all: TemplateVersionMeta[]): string {
  if (version.kind === 'original') return 'Original text';
  if (version.kind === 'restore') {
    const from = all.find((v) => v.id === version.restoredFrom);
    return from ? `Restored the version of ${formatWhen(from.savedAt)}` : 'Restored an earlier version';
  }
  return 'Edited';
}

/** A template's saved versions, each compared with the current text, any of which can be made current again. */
export function HistoryDialog({ templateId, templateName, currentSource, beforeRestore, onRestored, onClose }: Props) {
  const queryClient = useQueryClient();
  const versions = useApi('templates.versions', { id: templateId });
  const [chosen, setChosen] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const list = versions.data ?? [];
  // The newest version that differs from the current text is the interesting one to start from.
  const selectedId = chosen ?? list[1]?.id ?? list[0]?.id ?? null;
  const version = useApi('templates.version', { versionId: selectedId ?? 0 }, { enabled: selectedId !== null });
  const selected = list.find((v) => v.id === selectedId) ?? null;
  const same = version.data !== undefined && version.data.source === currentSource;

  useEffect(() => {
    if (versions.data) listRef.current?.focus();
  }, [versions.data]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = list.findIndex((v) => v.id === selectedId);
    const target = listKeyTarget(event.key, index, list.length);
    if (target === null) return;
    event.preventDefault();
    const next = list[target];
    if (next) setChosen(next.id);
  };

  const restore = async () => {
    if (!selected) return;
    setBusy(true);
    try {
      if (!(await beforeRestore())) return;
      const template = await api.call('templates.restoreVersion', { versionId: selected.id });
      onRestored(template);
      await queryClient.invalidateQueries({ queryKey: ['templates.versions'] });
      void queryClient.invalidateQueries({ queryKey: ['templates.list'] });
      toast.success(`Restored the version of ${formatWhen(selected.savedAt)}. The text it replaced is kept in the history.`);
      onClose();
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`History of “${templateName}”`}
      description="Versions are kept as you save: every couple of minutes while you type, with each explicit save, and when you leave the template."
      onClose={onClose}
      busy={busy}
      width={1100}
      footer={
        <>
          <span className="muted" style={{ flex: 1, fontSize: 12 }}>
            ↑/↓ to pick a version. Restoring keeps the current text as a version too.
          </span>
          <button className="btn" onClick={onClose} disabled={busy}>
            Close
          </button>
          <button className="btn btn-primary" onClick={() => void restore()} disabled={!selected || same || busy || !version.data}>
            Restore this version
          </button>
        </>
      }
    >
      {versions.isError && <div className="alert alert-danger">{versions.error.message}</div>}
      {versions.data && list.length === 0 ? (
        <div className="empty">
          <h2>No versions yet</h2>
          This template has not been saved since history began. Edit it and its versions appear here.
        </div>
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: '260px 1fr', gap: 12, height: '60vh' }}>
          <ul
            ref={listRef}
            role="listbox"
            aria-label="Versions"
            tabIndex={0}
            onKeyDown={onKeyDown}
            aria-activedescendant={selectedId === null ? undefined : `version-${selectedId}`}
            style={{ overflow: 'auto', margin: 0, padding: 0, listStyle: 'none' }}
          >
            {list.map((v, index) => (
              <li
                key={v.id}
                id={`version-${v.id}`}
                role="option"
                aria-selected={v.id === selectedId}
                onClick={() => setChosen(v.id)}
                style={{
                  padding: '8px 10px',
                  cursor: 'pointer',
                  borderRadius: 6,
                  background: v.id === selectedId ? 'var(--accent-soft)' : undefined,
                }}
              >
                <div style={{ fontWeight: 600 }}>
                  {formatWhen(v.savedAt)}
                  {index === 0 && (
                    <span className="badge" style={{ marginLeft: 6 }}>
                      latest
                    </span>
                  )}
                </div>
                <div className="muted" style={{ fontSize: 12 }}>
                  {describeVersion(v, list)}
                </div>
              </li>
            ))}
          </ul>
          <div style={{ display: 'grid', gridTemplateRows: 'auto 1fr', minHeight: 0, gap: 6 }}>
            <div className="muted" style={{ display: 'flex', fontSize: 12 }}>
              <span style={{ flex: 1 }}>{selected ? `Version of ${formatWhen(selected.savedAt)}` : 'Version'}</span>
              <span style={{ flex: 1 }}>Current text {same && '(identical to this version)'}</span>
            </div>
            <div style={{ minHeight: 0, border: '1px solid var(--border)', borderRadius: 6, overflow: 'hidden' }}>
              {version.data ? (
                <Suspense fallback={<div className="empty">Loading comparison…</div>}>
                  <VersionDiff original={version.data.source} modified={currentSource} />
                </Suspense>
              ) : (
                <div className="empty">{selectedId === null ? 'Pick a version on the left.' : 'Loading version…'}</div>
              )}
            </div>
          </div>
        </div>
      )}
    </Dialog>
  );
}
