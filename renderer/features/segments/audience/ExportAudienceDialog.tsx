import { useEffect, useState } from 'react';
import { ContractError } from '../../../../shared/contract/envelope';
import type { Job, Segment } from '../../../../shared/contract/schemas';
import { ESP_IDS, ESP_NAMES, type EspId } from '../../../../shared/esp/esp';
import { useApi } from '../../../api/queries';
import { api } from '../../../api/transport';
import { jobShare, useJob } from '../../../api/use-job';
import { Dialog } from '../../../ui/Dialog';
import { EspOptions } from '../../esp/EspOptions';
import { formatCount } from '../../../ui/format';
import { JobProgress } from '../../../ui/JobProgress';
import { AudienceColumns } from './AudienceColumns';
import { audienceFileName, folderOf, joinPath } from './audience-file';

type Result = NonNullable<Extract<Job, { kind: 'esp.audience' }>['result']>;

interface Props {
  segments: readonly Pick<Segment, 'id' | 'name' | 'count' | 'problem'>[];
  /** The segment selected in the view, offered first. */
  selectedId: number | null;
  onClose: () => void;
}

/**
 * A segment's members as an ESP's contact-import CSV, written by a job with
 * progress and Cancel: pick the ESP (and a template whose derived columns
 * the file should carry), see the columns under the ESP's names and how many
 * rows, choose the file (the native save dialog on the desktop, a typed path
 * in the browser, like every other export), and read how many rows were
 * written where.
 */
export function ExportAudienceDialog({ segments, selectedId, onClose }: Props) {
  const readable = segments.filter((segment) => !segment.problem);
  const [segmentId, setSegmentId] = useState<number | null>(
    readable.find((segment) => segment.id === selectedId)?.id ?? readable[0]?.id ?? null,
  );
  const [esp, setEsp] = useState<EspId>('braze');
  const [templateId, setTemplateId] = useState<number | null>(null);
  /** What the user typed or chose; until then the file follows the segment and ESP. */
  const [chosenFile, setChosenFile] = useState<string | null>(null);
  /** The native save dialog already asked before replacing a file. */
  const [confirmed, setConfirmed] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const shell = window.tailorShell;
  const info = useApi('app.info', {});
  const templates = useApi('templates.list', {});
  const segment = readable.find((candidate) => candidate.id === segmentId) ?? null;
  const template = templateId === null ? undefined : { id: templateId };
  const plan = useApi('esp.audiencePlan', { segment: segmentId ?? 0, esp, template }, { enabled: segmentId !== null });
  const job = useJob([]);
  const running = job.run.kind === 'running';

  const defaultFile =
    info.data && segment ? joinPath(joinPath(info.data.homeDir, 'Tailor Exports'), audienceFileName(segment.name, esp)) : '';
  const file = chosenFile ?? defaultFile;

  const ended = job.run.kind === 'ended' ? job.run : null;
  useEffect(() => {
    if (!ended?.ok || !jobId) return;
    void api.call('jobs.get', { jobId }).then((done) => setResult(done.kind === 'esp.audience' ? done.result : null));
  }, [ended?.ok, jobId]);

  const start = (replace: boolean) => {
    if (segmentId === null) return;
    setConflict(null);
    setResult(null);
    void job.start(async () => {
      try {
        const started = await api.call('esp.audienceStart', { segment: segmentId, esp, template, out: file.trim(), replace });
        setJobId(started.jobId);
        return started;
      } catch (error) {
        if (error instanceof ContractError && error.code === 'conflict') setConflict(error.message);
        throw error;
      }
    });
  };

  const choose = async () => {
    if (!shell) return;
    const picked = await shell.saveCsv({ title: 'Save audience CSV', defaultPath: file });
    if (picked) {
      setChosenFile(picked);
      setConfirmed(true);
    }
  };

  const empty = plan.data?.rows === 0;
  const canStart = segment !== null && file.trim() !== '' && !empty && !running;
  const failed = ended && !ended.ok && !conflict ? ended : null;

  return (
    <Dialog
      title="Export audience"
      description="The segment's members as a contact-import CSV for your ESP: fields, scores and segment memberships under the ESP's names. Values a spreadsheet would run as formulas are neutralised."
      onClose={onClose}
      busy={running}
      width={760}
      footer={
        running ? null : (
          <>
            {result?.path && shell && (
              <button className="btn" onClick={() => result.path && void shell.showItemInFolder(result.path)}>
                Show in folder
              </button>
            )}
            <button className="btn" onClick={onClose}>
              {result ? 'Done' : 'Cancel'}
            </button>
            <button className="btn btn-primary" disabled={!canStart} onClick={() => start(confirmed)}>
              {result ? 'Export again' : 'Export'}
            </button>
          </>
        )
      }
    >
      {readable.length === 0 ? (
        <div className="empty" role="status">
          <h2>No segments to export</h2>
          Build a segment in the Builder first; its members become the audience.
        </div>
      ) : (
        <div className="audience-form">
          <div className="audience-choices">
            <label className="field">
              <span>Segment</span>
              <select
                className="select"
                aria-label="Segment"
                value={segmentId ?? ''}
                disabled={running}
                onChange={(e) => setSegmentId(Number(e.target.value))}
              >
                {readable.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name} ({formatCount(option.count)})
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>ESP</span>
              <select
                className="select"
                aria-label="ESP"
                value={esp}
                disabled={running}
                onChange={(e) => setEsp(ESP_IDS.find((id) => id === e.target.value) ?? esp)}
              >
                <EspOptions />
              </select>
            </label>
            <label className="field">
              <span>Template (derived columns)</span>
              <select
                className="select"
                aria-label="Template for derived columns"
                value={templateId ?? ''}
                disabled={running}
                onChange={(e) => setTemplateId(e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">None</option>
                {(templates.data ?? []).map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="muted audience-hint">
            With a template, the file also carries the values its {ESP_NAMES[esp]} export reads but {ESP_NAMES[esp]} cannot compute (e.g. a
            formatted date in Mailchimp).
          </p>

          {plan.error && (
            <div className="alert alert-danger" role="alert">
              {plan.error.message}
            </div>
          )}
          {empty && (
            <div className="alert alert-warning" role="status">
              “{segment?.name}” has no members right now, so there is nothing to export. Change its rules, or pick another segment.
            </div>
          )}
          {plan.data && !empty && <AudienceColumns plan={plan.data} />}

          <label className="field">
            <span>CSV file</span>
            <div className="audience-file">
              <input
                className="input mono"
                aria-label="CSV file"
                value={file}
                disabled={running}
                onChange={(e) => {
                  setChosenFile(e.target.value);
                  setConfirmed(false);
                  setConflict(null);
                }}
              />
              {shell && (
                <button className="btn" disabled={running} onClick={() => void choose()}>
                  Choose…
                </button>
              )}
            </div>
            {file && <small className="muted audience-hint">Written in {folderOf(file) || 'the current folder'}.</small>}
          </label>

          {job.run.kind === 'running' && (
            <JobProgress
              className="audience-progress"
              title="Writing the audience…"
              detail={
                job.run.job
                  ? `${formatCount(job.run.job.progress.rows)} of ${formatCount(job.run.job.progress.total ?? 0)} contacts`
                  : undefined
              }
              label="Audience export progress"
              share={jobShare(job.run)}
              onCancel={job.cancel}
            />
          )}
          {conflict && (
            <div className="alert alert-warning" role="alert">
              {conflict}{' '}
              <button className="btn btn-sm" onClick={() => start(true)}>
                Replace it
              </button>
            </div>
          )}
          {failed && (
            <div className={`alert ${failed.status === 'cancelled' ? 'alert-info' : 'alert-danger'}`} role="alert">
              {failed.status === 'cancelled' ? 'Audience export cancelled; no file was written.' : failed.message}
            </div>
          )}
          {result && (
            <div className="alert alert-success" role="status" data-testid="audience-result">
              {result.message}
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}
