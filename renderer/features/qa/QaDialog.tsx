import { useState } from 'react';
import { toast } from 'sonner';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { api } from '../../api/transport';
import { jobShare, useJob } from '../../api/use-job';
import { Dialog } from '../../ui/Dialog';
import { JobProgress } from '../../ui/JobProgress';
import { CustomerPreviewDialog } from './CustomerPreviewDialog';
import { ProfilePersonaDialog } from './ProfilePersonaDialog';
import { QaResults } from './QaResults';
import './qa.css';

interface Props {
  templateId: number;
  templateName: string;
  /** Saves pending edits first: QA checks the template as saved, and keeps its report with that version. */
  beforeRun: () => Promise<boolean>;
  onClose: () => void;
}

const WORKSPACE = 'all';

/**
 * The studio's QA panel: render the template for every member of a segment
 * (or everyone) in worker threads and read what went wrong; add personas
 * picked from the analysis or typed in by hand.
 */
export function QaDialog({ templateId, templateName, beforeRun, onClose }: Props) {
  const segments = useApi('segments.list', {});
  const [scope, setScope] = useState<string>(WORKSPACE);
  const segmentId = scope === WORKSPACE ? undefined : Number(scope);
  const latest = useApi('qa.latest', { templateId, segmentId });
  const job = useJob(['qa.latest']);
  const fromAnalysis = useApiMutation('personas.fromAnalysis');
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [typingPersona, setTypingPersona] = useState(false);
  const running = job.run.kind === 'running';

  const run = () =>
    job.start(async () => {
      if (!(await beforeRun())) throw new Error('The template could not be saved, so QA did not start.');
      return api.call('qa.start', { templateId, segmentId });
    });
  const addFromAnalysis = async () => {
    try {
      const result = await fromAnalysis.mutateAsync({ templateId });
      const added = result.added.map((p) => p.label);
      toast.success(
        added.length ? `Added ${added.length} personas: ${added.join(', ')}` : 'No new personas: the analysis found nobody new.',
        {
          description: result.skipped.length ? result.skipped.map((s) => s.reason).join(' ') : undefined,
        },
      );
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  return (
    <>
      <Dialog
        title={`Bulk QA · ${templateName}`}
        description="Renders the email for every recipient and reports what would go wrong, before you send."
        width={980}
        busy={running}
        onClose={onClose}
        footer={
          <>
            <button className="btn" onClick={() => void addFromAnalysis()} disabled={fromAnalysis.isPending}>
              Personas from the analysis
            </button>
            <button className="btn" onClick={() => setTypingPersona(true)}>
              Hand-made persona…
            </button>
            <span style={{ flex: 1 }} />
            <button className="btn" onClick={onClose} disabled={running}>
              Close
            </button>
          </>
        }
      >
        <div className="qa-toolbar">
          <label>
            Recipients{' '}
            <select value={scope} onChange={(e) => setScope(e.target.value)} aria-label="Recipients" disabled={running}>
              <option value={WORKSPACE}>Every customer</option>
              {segments.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.count.toLocaleString()})
                </option>
              ))}
            </select>
          </label>
          <button className="btn btn-primary" onClick={() => void run()} disabled={running}>
            Run QA
          </button>
          {job.run.kind === 'ended' && (
            <span className={job.run.ok ? 'muted' : 'qa-failed'} data-testid="qa-message">
              {job.run.message}
            </span>
          )}
        </div>
        {job.run.kind === 'running' && (
          <JobProgress
            className="qa-progress"
            title="Checking recipients…"
            detail={
              job.run.job?.progress.total
                ? `${job.run.job.progress.done.toLocaleString()} of ${job.run.job.progress.total.toLocaleString()}`
                : 'starting the workers'
            }
            label="QA progress"
            share={jobShare(job.run)}
            onCancel={job.cancel}
          />
        )}
        {latest.data ? (
          <>
            <p className="muted" data-testid="qa-summary">
              {latest.data.report.rendered.toLocaleString()} of {latest.data.report.recipients.toLocaleString()} recipients rendered in{' '}
              {(latest.data.report.ms / 1000).toFixed(1)} s · {new Date(latest.data.report.checkedAt).toLocaleString()}
              {!latest.data.current && <span className="badge badge-warning"> template changed since: run again</span>}
            </p>
            <QaResults report={latest.data.report} onOpen={setPreviewing} />
          </>
        ) : (
          !running && (
            <div className="empty">
              No QA yet for {segmentId === undefined ? 'every customer' : 'this segment'}. Run QA to check every recipient.
            </div>
          )
        )}
      </Dialog>
      {previewing && <CustomerPreviewDialog templateId={templateId} customerId={previewing} onClose={() => setPreviewing(null)} />}
      {typingPersona && <ProfilePersonaDialog onClose={() => setTypingPersona(false)} />}
    </>
  );
}
