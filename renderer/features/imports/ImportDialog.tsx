import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  importReportOf,
  type ImportEntityName,
  type ImportPolicy,
  type ImportPreview,
  type ImportReport,
  type Job,
} from '../../../shared/contract/schemas';
import { DEFAULT_POLICY } from '../../../shared/imports/policy';
import { followJob } from '../../api/events';
import { errorMessage } from '../../api/queries';
import { api, transport } from '../../api/transport';
import { Dialog } from '../../ui/Dialog';
import { formatBytes, formatCount } from '../../ui/format';
import { ENTITY_ORDER, ENTITY_TEXT } from './entity-choice';
import { ImportReportView } from './ImportReportView';
import { PolicyChoice } from './PolicyChoice';
import { type PickedFile } from './use-import-preview';
import { WizardDialog } from './WizardDialog';

/** A picked or dropped file as the host can read it: its own path in the desktop app, an upload in browser mode. */
async function pickedFile(file: File): Promise<PickedFile> {
  const nativePath = window.tailorShell?.pathForFile(file);
  if (nativePath) return { path: nativePath, name: file.name, staged: false };
  if (!transport.upload) throw new Error('This window cannot read dropped files. Use “Choose file…” instead.');
  return { path: await transport.upload(file), name: file.name, staged: true };
}

type Phase =
  | { kind: 'pick' }
  | { kind: 'uploading'; name: string }
  | { kind: 'preview'; file: PickedFile }
  | { kind: 'running'; name: string; jobId: string; job: Job | null; entity: ImportEntityName }
  | { kind: 'done'; report: ImportReport };

/**
 * Import customers, orders or events from a CSV: pick or drop a file, check and change how it is read in the wizard
 * (what it holds, encoding, delimiter, locale, per column target and type), import, watch progress, cancel, read the
 * report. `initialFile` is a file dropped on another view.
 */
export function ImportDialog({ onClose, initialFile }: { onClose: () => void; initialFile?: File }) {
  const [phase, setPhase] = useState<Phase>(initialFile ? { kind: 'uploading', name: initialFile.name } : { kind: 'pick' });
  const [entity, setEntity] = useState<ImportEntityName>('customers');
  // Once the user picks what the file holds, the header row no longer decides.
  const [chosen, setChosen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [policy, setPolicy] = useState<ImportPolicy>(DEFAULT_POLICY);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The client itself, not useInvalidateAll's per-render function: the job-following effect must not restart on render.
  const queryClient = useQueryClient();
  const shell = window.tailorShell;
  const busy = phase.kind === 'uploading' || phase.kind === 'running';

  const start = async (file: PickedFile, preview: ImportPreview) => {
    setProblem(null);
    try {
      const { jobId } = await api.call('imports.start', {
        path: file.path,
        displayName: file.name,
        entity: preview.entity,
        settings: preview.settings,
        policy: preview.entity === 'customers' ? policy : undefined,
      });
      setEntity(preview.entity);
      setPhase({ kind: 'running', name: file.name, jobId, job: null, entity: preview.entity });
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const openFile = async (file: File) => {
    setProblem(null);
    setPhase({ kind: 'uploading', name: file.name });
    try {
      setPhase({ kind: 'preview', file: await pickedFile(file) });
    } catch (error) {
      setPhase({ kind: 'pick' });
      setProblem(errorMessage(error));
    }
  };

  const chooseFile = async () => {
    if (!shell) return input.current?.click();
    const picked = await shell.pickCsv();
    if (!picked) return;
    setProblem(null);
    setPhase({ kind: 'preview', file: { path: picked, name: picked.replace(/^.*[\\/]/, ''), staged: false } });
  };

  // An upload the user walks away from is deleted now rather than when the app closes: it holds customer data.
  const leavePreview = (next: Phase) => {
    if (phase.kind === 'preview' && phase.file.staged)
      void api.call('imports.discardUpload', { path: phase.file.path }).catch(() => undefined);
    setPhase(next);
  };
  // Stable while the wizard shows, so the dialog does not move the keyboard focus back to its first control on a re-render.
  const close = useCallback(() => {
    if (phase.kind === 'preview' && phase.file.staged)
      void api.call('imports.discardUpload', { path: phase.file.path }).catch(() => undefined);
    onClose();
  }, [phase, onClose]);

  // A file dropped on another view opens straight in the wizard (the dialog starts in 'uploading' for it).
  useEffect(() => {
    if (!initialFile) return;
    let live = true;
    pickedFile(initialFile).then(
      (file) => live && setPhase({ kind: 'preview', file }),
      (error: unknown) => {
        if (!live) return;
        setPhase({ kind: 'pick' });
        setProblem(errorMessage(error));
      },
    );
    return () => {
      live = false;
    };
  }, [initialFile]);

  // Follow the job's pushed progress until it ends, then show its report and refresh every view.
  const jobId = phase.kind === 'running' ? phase.jobId : null;
  useEffect(() => {
    if (!jobId) return;
    const following = followJob(jobId, (job) => {
      if (job.status === 'running') setPhase((current) => (current.kind === 'running' ? { ...current, job } : current));
    });
    following.done.then(
      async (job) => {
        await queryClient.invalidateQueries();
        const report = importReportOf(job);
        if (report) setPhase({ kind: 'done', report });
        else {
          setPhase({ kind: 'pick' });
          setProblem(job.message ?? 'The import stopped without a report.');
        }
      },
      (error: unknown) => {
        setPhase({ kind: 'pick' });
        setProblem(`Lost track of the import: ${errorMessage(error)}. Check the Imports view for its outcome.`);
      },
    );
    return following.stop;
  }, [jobId, queryClient]);

  const cancel = () => {
    if (jobId) void api.call('jobs.cancel', { jobId });
  };

  const progress = phase.kind === 'running' ? (phase.job?.progress ?? { done: 0, total: null, unit: 'bytes' as const, rows: 0 }) : null;
  const percent = progress && progress.total ? Math.min(100, (progress.done / progress.total) * 100) : 0;

  if (phase.kind === 'preview') {
    return (
      <WizardDialog
        file={phase.file}
        entity={chosen ? entity : undefined}
        problem={problem}
        onBack={() => leavePreview({ kind: 'pick' })}
        onClose={close}
        onImport={(preview) => void start(phase.file, preview)}
        policy={<PolicyChoice value={policy} onChange={setPolicy} />}
      />
    );
  }

  return (
    <Dialog
      title={ENTITY_TEXT[entity].title}
      description={ENTITY_TEXT[entity].description}
      onClose={onClose}
      busy={busy}
      width={860}
      footer={
        phase.kind === 'running' ? (
          <button className="btn btn-danger" onClick={cancel}>
            Cancel import
          </button>
        ) : phase.kind === 'done' ? (
          <>
            <button className="btn" onClick={() => setPhase({ kind: 'pick' })}>
              Import another file
            </button>
            <button className="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </>
        ) : (
          <button className="btn" onClick={onClose} disabled={busy}>
            Close
          </button>
        )
      }
    >
      {phase.kind === 'pick' && (
        <div className="segmented" role="group" aria-label="The file holds" style={{ marginBottom: 12 }}>
          {ENTITY_ORDER.map((option) => (
            <button
              key={option}
              aria-pressed={entity === option}
              onClick={() => {
                setEntity(option);
                setChosen(true);
              }}
            >
              {ENTITY_TEXT[option].label}
            </button>
          ))}
        </div>
      )}
      {phase.kind === 'pick' && entity === 'customers' && <PolicyChoice value={policy} onChange={setPolicy} />}
      {phase.kind === 'pick' && (
        <div
          className="dropzone"
          data-over={over}
          role="button"
          tabIndex={0}
          onClick={() => void chooseFile()}
          onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && void chooseFile()}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            const file = e.dataTransfer.files[0];
            if (file) void openFile(file);
          }}
        >
          <b>Drop a CSV file here</b>
          <div>or</div>
          <span className="btn btn-primary">Choose file…</span>
          <div style={{ marginTop: 8, fontSize: 12 }}>
            A CSV with a header row. You check how it is read (encoding, delimiter, columns) before anything is imported.
          </div>
          <input
            ref={input}
            type="file"
            accept=".csv,.txt,text/csv"
            hidden
            data-testid="import-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void openFile(file);
            }}
          />
        </div>
      )}
      {phase.kind === 'uploading' && <div className="alert alert-info">Reading {phase.name}…</div>}
      {phase.kind === 'running' && progress && (
        <div style={{ display: 'grid', gap: 8 }} role="status" aria-live="polite">
          <div>
            Importing <b>{phase.name}</b> as {phase.entity}
          </div>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)}>
            <div style={{ width: `${percent}%` }} />
          </div>
          <div className="muted" style={{ fontSize: 12 }}>
            {formatCount(progress.rows)} rows read
            {progress.total ? ` · ${formatBytes(progress.done)} of ${formatBytes(progress.total)}` : ''}. Nothing changes in the workspace
            until the import completes; cancelling leaves it as it was.
          </div>
        </div>
      )}
      {phase.kind === 'done' && <ImportReportView report={phase.report} />}
      {problem && (
        <div className="alert alert-danger" role="alert">
          {problem}
        </div>
      )}
    </Dialog>
  );
}
