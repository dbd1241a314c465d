import { useState } from 'react';
import { toast } from 'sonner';
import type { AuditReport } from '../../../shared/audit/report';
import type { Customer } from '../../../shared/contract/schemas';
import { errorMessage, useApi } from '../../api/queries';
import { api } from '../../api/transport';
import { countOf, formatWhen } from '../../ui/format';
import { CustomerDialog } from '../customers/CustomerDialog';
import { ImportDialog } from '../imports/ImportDialog';
import { FieldDetail } from './FieldDetail';
import { FieldList, OVERVIEW } from './FieldList';
import { FindingList } from './FindingList';
import { jobShare, type JobRun } from '../../api/use-job';
import { JobProgress } from '../../ui/JobProgress';
import { useAuditJob } from './use-audit-job';
import './audit.css';

function Progress({ run, onCancel }: { run: Extract<JobRun, { kind: 'running' }>; onCancel: () => void }) {
  const share = jobShare(run);
  return (
    <JobProgress
      className="card audit-progress"
      title="Auditing…"
      detail={`${Math.round(share * 100)}%, reading every field twice`}
      label="Audit progress"
      share={share}
      onCancel={onCancel}
    />
  );
}

function changedSince(report: AuditReport, counts: { customers: number; orders: number; events: number } | undefined): boolean {
  if (!counts) return false;
  return counts.customers !== report.rows.customers || counts.orders !== report.rows.orders || counts.events !== report.rows.events;
}

/** The data audit: per field profile and the outliers and anomalies found, each leading to its rows. */
export function AuditView() {
  const workspace = useApi('workspace.current', {});
  const latest = useApi('audit.latest', {});
  const fields = useApi('customers.fields', {});
  const { run, start, cancel } = useAuditJob();
  const [selected, setSelected] = useState(OVERVIEW);
  const [importing, setImporting] = useState(false);
  const [customer, setCustomer] = useState<Customer | null>(null);

  const counts = workspace.data?.counts;
  const empty = counts !== undefined && counts.customers + counts.orders + counts.events === 0;
  const report = latest.data ?? null;
  const running = run.kind === 'running';

  const openCustomer = async (customerId: string) => {
    try {
      const found = await api.call('customers.get', { idOrEmail: customerId });
      if (found) setCustomer(found);
      else toast.error(`Customer ${customerId} is no longer in the workspace.`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  const field = report?.fields.find((entry) => entry.id === selected) ?? null;

  return (
    <div className="page audit-page" style={{ height: '100%' }}>
      <div className="page-header">
        <h1>Audit</h1>
        {report && (
          <span className="muted">
            {formatWhen(report.createdAt)} · {countOf(report.rows.customers, 'customer')}, {countOf(report.rows.orders, 'order')},{' '}
            {countOf(report.rows.events, 'event')}
          </span>
        )}
        <span style={{ flex: 1 }} />
        {!empty && (
          <button className="btn btn-primary" onClick={() => void start()} disabled={running}>
            {report ? 'Run again' : 'Run audit'}
          </button>
        )}
      </div>

      {running && <Progress run={run} onCancel={cancel} />}
      {run.kind === 'ended' && !run.ok && (
        <div className="card audit-note" role="alert">
          {run.message}
        </div>
      )}
      {report && !running && changedSince(report, counts) && (
        <div className="card audit-note">The workspace changed since this audit. Run it again to see the data as it is now.</div>
      )}

      {empty ? (
        <div className="card empty">
          <h2>No data yet</h2>
          Import customers (then their orders and events) and the audit will profile every field and point at what looks wrong.
          <button className="btn btn-primary" onClick={() => setImporting(true)}>
            Import CSV…
          </button>
        </div>
      ) : !report ? (
        !running &&
        latest.isSuccess && (
          <div className="card empty">
            <h2>No audit yet</h2>
            The audit reads every field: completeness, distinct and top values, range, a histogram, outliers, and anomalies such as future
            dates or a day with far more orders than usual.
            <button className="btn btn-primary" onClick={() => void start()}>
              Run audit
            </button>
          </div>
        )
      ) : (
        <div className="audit-layout">
          <FieldList report={report} selected={selected} onSelect={setSelected} />
          {field ? (
            <FieldDetail
              field={field}
              findings={report.findings.filter((finding) => finding.fieldId === field.id)}
              onOpenCustomer={(id) => void openCustomer(id)}
            />
          ) : (
            <section className="card audit-detail" aria-label="All findings">
              <header className="audit-detail-header">
                <h2>All findings</h2>
              </header>
              {report.findings.length === 0 ? (
                <p className="muted">No outliers or anomalies: every field looks as expected.</p>
              ) : (
                <FindingList findings={report.findings} onOpenCustomer={(id) => void openCustomer(id)} showField />
              )}
            </section>
          )}
        </div>
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      {customer && <CustomerDialog customer={customer} fields={fields.data ?? []} onClose={() => setCustomer(null)} />}
    </div>
  );
}
