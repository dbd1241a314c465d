import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ImportEntityName, ImportReport, Job } from '../../../shared/contract/schemas';
import { followJob } from '../../api/events';
import { errorMessage } from '../../api/queries';
import { api, transport } from '../../api/transport';
import { Dialog } from '../../ui/Dialog';
import { formatBytes, formatCount } from '../../ui/format';
import { ENTITY_ORDER, ENTITY_TEXT, guessFromFile } from './entity-choice';
import { ImportReportView } from './ImportReportView';

type Phase =
  | { kind: 'pick' }
  | { kind: 'uploading'; name: string }
  | { kind: 'running'; name: string; jobId: string; job: Job | null; entity: ImportEntityName }
  | { kind: 'done'; report: ImportReport };

/**
 * Import customers, orders or events from a CSV: say what the file holds (preselected from its header row when that is
 * obvious and the user has not chosen), pick or drop a file, watch progress, cancel, read the report.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'pick' });
  const [entity, setEntity] = useState<ImportEntityName>('customers');
  // Once the user picks what the file holds, the header row no longer decides.
  const [chosen, setChosen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The client itself, not useInvalidateAll's per-render function: the job-following effect must not restart on render.
  const queryClient = useQueryClient();
  const shell = window.tailorShell;
  const busy = phase.kind === 'uploading' || phase.kind === 'running';

  const start = async (path: string, name: string, holds: ImportEntityName = entity) => {
    const { jobId } = await api.call('imports.start', { path, displayName: name, entity: holds });
    setPhase({ kind: 'running', name, jobId, job: null, entity: holds });
  };

  const importFile = async (file: File) => {
    setProblem(null);
    try {
      const guessed = chosen ? null : await guessFromFile(file);
      const holds = guessed ?? entity;
      if (holds !== entity) setEntity(holds);
      const nativePath = shell?.pathForFile(file);
      if (nativePath) return await start(nativePath, file.name, holds);
      if (!transport.upload) throw new Error('This window cannot read dropped files. Use “Choose file…” instead.');
      setPhase({ kind: 'uploading', name: file.name });
      const staged = await transport.upload(file);
      await start(staged, file.name, holds);
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
    try {
      await start(picked, picked.replace(/^.*[\\/]/, ''));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

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
        if (job.result && job.kind !== 'fields.retype') setPhase({ kind: 'done', report: job.result });
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
            if (file) void importFile(file);
          }}
        >
          <b>Drop a CSV file here</b>
          <div>or</div>
          <span className="btn btn-primary">Choose file…</span>
          <div style={{ marginTop: 8, fontSize: 12 }}>UTF-8 CSV with a header row. Excel and Google Sheets exports work as they are.</div>
          <input
            ref={input}
            type="file"
            accept=".csv,.txt,text/csv"
            hidden
            data-testid="import-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
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
