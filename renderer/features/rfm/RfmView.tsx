import { useState } from 'react';
import { RfmSettings, MAX_BINS, type BinMethod } from '../../../shared/scores/rfm/settings';
import type { RfmRun } from '../../../shared/scores/rfm/summary';
import { useApi } from '../../api/queries';
import { useDefaultAsOf } from '../../api/use-default-as-of';
import { countOf, formatWhen } from '../../ui/format';
import { ImportDialog } from '../imports/ImportDialog';
import { formatMoney } from './format';
import { RfmHeatmap } from './RfmHeatmap';
import { ScoreBins } from './ScoreBins';
import { TierBars } from './TierBars';
import { TierRulesEditor } from './TierRulesEditor';
import { TierTable } from './TierTable';
import { jobShare, type JobRun } from '../../api/use-job';
import { JobProgress } from '../../ui/JobProgress';
import { useRfmJob } from './use-rfm-job';
import './rfm.css';

/** The first problem with the settings, naming the rule and measure it is in ("Rule 2 (Lost), recency: …"). */
function settingsProblem(settings: RfmSettings, issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'Check the settings.';
  const [area, index, measure] = issue.path;
  if (area === 'tiers' && typeof index === 'number') {
    const name = settings.tiers[index]?.name.trim();
    const where = `Rule ${index + 1}${name ? ` (${name})` : ''}`;
    return typeof measure === 'string' && measure !== 'name' ? `${where}, ${measure}: ${issue.message}` : `${where}: ${issue.message}`;
  }
  if (area === 'bins' && typeof index === 'string') return `${index[0]!.toUpperCase()}${index.slice(1)} bins: ${issue.message}`;
  return issue.message;
}

const MEASURES = [
  { key: 'recency', label: 'Recency bins' },
  { key: 'frequency', label: 'Frequency bins' },
  { key: 'monetary', label: 'Monetary bins' },
] as const;

function Progress({ run, onCancel }: { run: Extract<JobRun, { kind: 'running' }>; onCancel: () => void }) {
  const share = jobShare(run);
  const rows = run.job?.progress?.rows;
  return (
    <JobProgress
      className="card rfm-progress"
      title="Scoring…"
      detail={`${Math.round(share * 100)}%${rows ? `, ${countOf(rows, 'customer')}` : ''}`}
      label="RFM progress"
      share={share}
      onCancel={onCancel}
    />
  );
}

function Results({ run }: { run: RfmRun }) {
  const { summary } = run;
  if (summary.customers === 0)
    return (
      <div className="card empty">
        <h2>No orders up to {run.asOf}</h2>
        Nobody could be scored at this analysis date. Pick a later date and run again.
      </div>
    );
  return (
    <>
      <p className="rfm-summary-line" data-testid="rfm-summary-line">
        As of <b>{run.asOf}</b>: {countOf(summary.customers, 'customer')} scored from {countOf(summary.orders, 'order')}, revenue{' '}
        {formatMoney(summary.revenue)}.{' '}
        {summary.customersWithoutOrders > 0 && (
          <span className="muted">{countOf(summary.customersWithoutOrders, 'customer')} without orders have no RFM score or tier.</span>
        )}
      </p>
      <div className="rfm-grid">
        <section className="card rfm-panel" aria-labelledby="rfm-heatmap-title">
          <h2 id="rfm-heatmap-title">Mean revenue by frequency and recency</h2>
          <RfmHeatmap summary={summary} />
        </section>
        <section className="card rfm-panel" aria-labelledby="rfm-bars-title">
          <h2 id="rfm-bars-title">Customers per tier</h2>
          <TierBars tiers={summary.tiers} />
        </section>
      </div>
      <section className="card rfm-panel" aria-labelledby="rfm-tiers-title">
        <h2 id="rfm-tiers-title">Tiers</h2>
        <TierTable summary={summary} />
      </section>
      <section className="card rfm-panel" aria-labelledby="rfm-scores-title">
        <h2 id="rfm-scores-title">
          Scores <span className="muted rfm-hint">{summary.method === 'rfm' ? 'rfm package bins' : 'plain quantile bins'}</span>
        </h2>
        <ScoreBins summary={summary} />
      </section>
    </>
  );
}

/**
 * RFM: recency, frequency and monetary scores of every customer with orders,
 * binned as the R rfm package bins them, named by an ordered tier table.
 * The scores become tokens and rule conditions (rfm_r, rfm_f, rfm_m, rfm_tier).
 */
export function RfmView() {
  const workspace = useApi('workspace.current', {});
  const saved = useApi('scores.rfm.settings.get', {});
  const latest = useApi('scores.rfm.summary', {});
  const { run, start, cancel } = useRfmJob();
  // The saved settings until the user edits them; then the edited copy, saved when they run.
  const [edited, setDraft] = useState<RfmSettings | null>(null);
  const draft = edited ?? saved.data ?? null;
  const defaultAsOf = useDefaultAsOf().day;
  const [pickedAsOf, setAsOf] = useState<string | null>(null);
  const asOf = pickedAsOf ?? defaultAsOf;
  const [importing, setImporting] = useState(false);

  const orders = workspace.data?.counts.orders;
  const running = run.kind === 'running';
  const report = latest.data ?? null;
  const checked = draft ? RfmSettings.safeParse(draft) : null;
  const problem = draft && checked && !checked.success ? settingsProblem(draft, checked.error.issues[0]) : null;
  const dateProblem = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? null : 'Pick an analysis date.';
  const changed = draft !== null && saved.data !== undefined && JSON.stringify(draft) !== JSON.stringify(saved.data);

  const onRun = () => {
    if (checked?.success && !dateProblem) void start(asOf, checked.data);
  };

  if (orders === 0)
    return (
      <div className="page rfm-page">
        <div className="page-header">
          <h1>RFM</h1>
        </div>
        <div className="card empty">
          <h2>No orders yet</h2>
          RFM scores customers by how recently, how often and how much they ordered, so it needs orders. Import an orders CSV (order id,
          customer id or email, date, total) and come back.
          <button className="btn btn-primary" onClick={() => setImporting(true)}>
            Import CSV…
          </button>
        </div>
        {importing && <ImportDialog onClose={() => setImporting(false)} />}
      </div>
    );

  return (
    <div className="page rfm-page">
      <div className="page-header">
        <h1>RFM</h1>
        {report && (
          <span className="muted">
            Last run {formatWhen(report.computedAt)} as of {report.asOf}
          </span>
        )}
      </div>

      {draft && (
        <div className="card rfm-controls">
          <label className="field">
            <span>Analysis date</span>
            <input className="input" type="date" value={asOf} required onChange={(event) => setAsOf(event.target.value)} />
          </label>
          <label className="field">
            <span>Bins</span>
            <select
              className="select"
              value={draft.method}
              onChange={(event) => setDraft({ ...draft, method: event.target.value as BinMethod })}
              aria-label="Binning method"
            >
              <option value="rfm">rfm package (quantiles + 1)</option>
              <option value="quantile">Plain quantiles</option>
            </select>
          </label>
          {MEASURES.map((measure) => (
            <label className="field" key={measure.key}>
              <span>{measure.label}</span>
              <input
                className="input rfm-bins"
                type="number"
                min={2}
                max={MAX_BINS}
                value={draft.bins[measure.key]}
                onChange={(event) => setDraft({ ...draft, bins: { ...draft.bins, [measure.key]: Number(event.target.value) } })}
              />
            </label>
          ))}
          <span style={{ flex: 1 }} />
          {problem && <span className="rfm-blocked">Fix the settings below to run.</span>}
          <button className="btn btn-primary" onClick={onRun} disabled={running || problem !== null || dateProblem !== null}>
            {report ? 'Run again' : 'Run RFM'}
          </button>
        </div>
      )}
      {dateProblem && (
        <div className="card rfm-note" role="alert">
          {dateProblem}
        </div>
      )}

      {running && <Progress run={run} onCancel={cancel} />}
      {run.kind === 'ended' && run.status !== 'succeeded' && (
        <div
          className={`card rfm-note${run.status === 'failed' ? ' rfm-note-error' : ''}`}
          role={run.status === 'failed' ? 'alert' : 'status'}
        >
          {run.message}
        </div>
      )}

      {report ? (
        <Results run={report} />
      ) : (
        !running &&
        latest.isSuccess && (
          <div className="card empty">
            <h2>No RFM scores yet</h2>
            Pick the analysis date and run: every customer with orders gets a recency, frequency and monetary score and a tier from the
            rules below.
          </div>
        )
      )}

      {draft && (
        <section className="card rfm-panel" aria-labelledby="rfm-rules-title">
          <h2 id="rfm-rules-title">
            Tier rules <span className="muted rfm-hint">first matching rule wins{changed ? ' · changes are saved when you run' : ''}</span>
          </h2>
          {problem && (
            <p className="rfm-problem" role="alert">
              {problem}
            </p>
          )}
          <TierRulesEditor settings={draft} onChange={setDraft} />
        </section>
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
