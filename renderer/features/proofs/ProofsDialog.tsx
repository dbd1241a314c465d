import { useEffect, useState } from 'react';
import { api } from '../../api/transport';
import { jobShare, useJob } from '../../api/use-job';
import { Dialog } from '../../ui/Dialog';
import { JobProgress } from '../../ui/JobProgress';
import { ProofImage } from './ProofImage';
import './proofs.css';

interface Props {
  templateId: number;
  templateName: string;
  /** Saves pending edits first, so the proofs show what the editor shows; false when that failed. */
  beforeRun: () => Promise<boolean>;
  onClose: () => void;
}

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
  const { run, start, cancel } = useJob([]);
  const shell = window.tailorShell;

  useEffect(() => {
    api.call('export.suggestDir', { template: { id: templateId } }).then(
      (suggestion) => setDir((current) => current || proofsDir(suggestion.dir)),
      () => undefined,
    );
  }, [templateId]);

  const makeProofs = () =>
    start(async () => {
      if (!(await beforeRun())) throw new Error('Your latest edits could not be saved, so no proofs were made. Try saving again.');
      return api.call('proofs.start', { template: { id: templateId }, dir: dir.trim() });
    });
  const running = run.kind === 'running';
  const done =
    run.kind === 'ended' && run.job?.kind === 'proofs.run' && run.ok && run.job.result
      ? { jobId: run.job.id, outcome: run.job.result }
      : null;

  return (
    <Dialog
      title={`Proofs of “${templateName}”`}
      description="Every persona's email as HTML, a PNG screenshot and an .eml file (opens in any mail client), plus a contact sheet, in one zip."
      onClose={onClose}
      busy={running}
      width={860}
      footer={
        <>
          {done && shell && done.outcome.zip && (
            <button className="btn" onClick={() => done.outcome.zip && void shell.showItemInFolder(done.outcome.zip)}>
              Show in folder
            </button>
          )}
          <button className="btn" onClick={onClose} disabled={running}>
            Close
          </button>
          <button className="btn btn-primary" onClick={() => void makeProofs()} disabled={running || !dir.trim()}>
            {done ? 'Make proofs again' : 'Make proofs'}
          </button>
        </>
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
        <JobProgress
          className="proofs-progress"
          title="Making proofs…"
          detail={`${Math.round(jobShare(run) * 100)}%`}
          label="Proofs progress"
          share={jobShare(run)}
          onCancel={cancel}
        />
      )}
      {run.kind === 'ended' && !done && (
        <div className="alert alert-warning" role="alert">
          {run.message}
        </div>
      )}
      {done && (
        <>
          <div className="alert alert-success" role="status" data-testid="proofs-result">
            {done.outcome.message}
          </div>
          <ProofImage jobId={done.jobId} name="contact-sheet.png" alt="Contact sheet of every persona" className="proofs-sheet" />
          <div className="proofs-personas" aria-label="Persona proofs">
            {done.outcome.personas.map((persona, index) => (
              <figure key={index}>
                {persona.png ? (
                  <ProofImage jobId={done.jobId} name={persona.png} alt={`Proof for ${persona.label}`} />
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
