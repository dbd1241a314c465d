import { useEffect, useState } from 'react';
import type { Job } from '../../../shared/contract/schemas';
import type { ProofsOutcome } from '../../../shared/proofs/proofs-report';
import { followJob } from '../../api/events';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';
import { Dialog } from '../../ui/Dialog';
import { ProofImage } from './ProofImage';
import './proofs.css';

interface Props {
  templateId: number;
  templateName: string;
  /** Saves pending edits first, so the proofs show what the editor shows; false when that failed. */
  beforeRun: () => Promise<boolean>;
  onClose: () => void;
}

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; jobId: string; job: Job | null }
  | { kind: 'done'; jobId: string; outcome: ProofsOutcome }
  | { kind: 'ended'; message: string };

/** Parent folder of the proofs zip: next to exports, unless the user types another. */
const proofsDir = (exportDir: string): string => {
  const separator = exportDir.includes('\\') && !exportDir.includes('/') ? '\\' : '/';
  return exportDir.replace(/[\\/]Tailor Exports$/, `${separator}Tailor Proofs`);
};

/**
 * Proofs of the template for every persona, as a job with progress and
 * Cancel: HTML, PNG and .eml per persona and a contact sheet, zipped into a
 * new file in the chosen folder. The contact sheet and screenshots show here.
 */
export function ProofsDialog({ templateId, templateName, beforeRun, onClose }: Props) {
  const [dir, setDir] = useState('');
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const shell = window.tailorShell;
  const jobId = run.kind === 'running' ? run.jobId : null;

  useEffect(() => {
    api.call('export.suggestDir', { template: { id: templateId } }).then(
      (suggestion) => setDir((current) => current || proofsDir(suggestion.dir)),
      () => undefined,
    );
  }, [templateId]);

  useEffect(() => {
    if (!jobId) return;
    const following = followJob(jobId, (job) => {
      if (job.status === 'running') setRun((current) => (current.kind === 'running' ? { ...current, job } : current));
    });
    following.done.then(
      (job) => {
        if (job.kind === 'proofs.run' && job.status === 'succeeded' && job.result) setRun({ kind: 'done', jobId, outcome: job.result });
        else setRun({ kind: 'ended', message: job.message ?? job.status });
      },
      (error: unknown) => setRun({ kind: 'ended', message: errorMessage(error) }),
    );
    return following.stop;
  }, [jobId]);

  const start = async () => {
    try {
      if (!(await beforeRun())) throw new Error('Your latest edits could not be saved, so no proofs were made. Try saving again.');
      const { jobId: id } = await api.call('proofs.start', { template: { id: templateId }, dir: dir.trim() });
      setRun({ kind: 'running', jobId: id, job: null });
    } catch (error) {
      setRun({ kind: 'ended', message: errorMessage(error) });
    }
  };
  const progress = run.kind === 'running' ? run.job?.progress : undefined;
  const share = progress?.total ? Math.min(1, progress.done / progress.total) : 0;
  const running = run.kind === 'running';

  return (
    <Dialog
      title={`Proofs of “${templateName}”`}
      description="Every persona's email as HTML, a PNG screenshot and an .eml file (opens in any mail client), plus a contact sheet, in one zip."
      onClose={onClose}
      busy={running}
      width={860}
      footer={
        running ? (
          <button className="btn" onClick={() => jobId && void api.call('jobs.cancel', { jobId })}>
            Cancel
          </button>
        ) : (
          <>
            {run.kind === 'done' && shell && run.outcome.zip && (
              <button className="btn" onClick={() => run.outcome.zip && void shell.showItemInFolder(run.outcome.zip)}>
                Show in folder
              </button>
            )}
            <button className="btn" onClick={onClose}>
              Close
            </button>
            <button className="btn btn-primary" onClick={() => void start()} disabled={!dir.trim()}>
              {run.kind === 'done' ? 'Make proofs again' : 'Make proofs'}
            </button>
          </>
        )
      }
    >
      <label className="field">
        <span>Folder for the zip</span>
        <div style={{ display: 'flex', gap: 8 }}>
          <input
            className="input mono"
            style={{ flex: 1 }}
            value={dir}
            onChange={(e) => setDir(e.target.value)}
            aria-label="Proofs folder"
            disabled={running}
          />
          {shell && (
            <button
              className="btn"
              disabled={running}
              onClick={() =>
                void shell.pickFolder({ title: 'Write proofs to folder', defaultPath: dir }).then((picked) => picked && setDir(picked))
              }
            >
              Choose…
            </button>
          )}
        </div>
      </label>
      {running && (
        <div role="status" aria-live="polite" style={{ display: 'grid', gap: 6 }}>
          <span>
            Making proofs… <span className="muted">{Math.round(share * 100)}%</span>
          </span>
          <div
            className="progress"
            role="progressbar"
            aria-label="Proofs progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(share * 100)}
          >
            <div style={{ width: `${share * 100}%` }} />
          </div>
        </div>
      )}
      {run.kind === 'ended' && (
        <div className="alert alert-warning" role="alert">
          {run.message}
        </div>
      )}
      {run.kind === 'done' && (
        <>
          <div className="alert alert-success" role="status" data-testid="proofs-result">
            {run.outcome.message}
          </div>
          <ProofImage jobId={run.jobId} name="contact-sheet.png" alt="Contact sheet of every persona" className="proofs-sheet" />
          <div className="proofs-personas" aria-label="Persona proofs">
            {run.outcome.personas.map((persona, index) => (
              <figure key={index}>
                {persona.png ? (
                  <ProofImage jobId={run.jobId} name={persona.png} alt={`Proof for ${persona.label}`} />
                ) : (
                  <div className="alert alert-warning">{persona.problem}</div>
                )}
                <figcaption>
                  <b>{persona.label}</b>
                  {persona.subject && <div className="muted">{persona.subject}</div>}
                </figcaption>
              </figure>
            ))}
          </div>
        </>
      )}
    </Dialog>
  );
}
