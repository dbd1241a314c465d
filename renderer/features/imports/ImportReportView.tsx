import { useState } from 'react';
import type { ImportReport } from '../../../shared/contract/schemas';
import { useApi } from '../../api/queries';
import { describePolicy } from '../../../shared/imports/policy';
import { formatCount, formatWhen } from '../../ui/format';
import { RejectionReasons } from '../validation/RejectionReasons';
import { ValidationSummary } from '../validation/ValidationSummary';

const STATUS_TEXT: Record<ImportReport['status'], string> = {
  succeeded: 'Imported',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
  running: 'Running',
};

/** Counts (and how they add up), encoding, column mapping, warnings and every rejected row (line, reason, raw text) of one import. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const [page, setPage] = useState(0);
  const pageSize = 100;
  const rejections = useApi(
    'imports.rejections',
    { importId: report.importId, offset: page * pageSize, limit: pageSize },
    { enabled: report.rowsRejected > 0 },
  );
  const ok = report.status === 'succeeded';
  const activity = report.entity !== 'customers';
  // An event already in the workspace is not changed, only recognised.
  const updatedLabel = report.entity === 'events' ? 'already imported' : 'updated';
  // Imports from before the accounting fields existed have no line count; they show the totals only.
  const accounted = ok && report.linesInFile > 0;
  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="import-report">
      <div className={`alert ${ok ? 'alert-success' : 'alert-danger'}`} role="status">
        <b>
          {STATUS_TEXT[report.status]}: {report.file}
        </b>
        {report.message && <div>{report.message}</div>}
        {ok && report.rowsRejected > 0 && (
          <div>
            Good rows were imported. Fix the rejected rows below in your file and import it again: rows already imported are updated, not
            duplicated.
          </div>
        )}
      </div>
      <div className="stats">
        <div className="stat">
          <b>{formatCount(report.rowsRead)}</b>
          <span>rows read</span>
        </div>
        <div className="stat">
          <b data-testid="rows-imported">{formatCount(report.rowsImported)}</b>
          <span>imported</span>
        </div>
        {accounted && (
          <>
            <div className="stat">
              <b data-testid="rows-created">{formatCount(report.rowsCreated)}</b>
              <span>new</span>
            </div>
            <div className="stat">
              <b data-testid="rows-updated">{formatCount(report.rowsUpdated)}</b>
              <span>{updatedLabel}</span>
            </div>
          </>
        )}
        {ok && activity && (
          <>
            <div className="stat">
              <b data-testid="rows-linked">{formatCount(report.rowsImported - report.rowsUnlinked)}</b>
              <span>linked to customers</span>
            </div>
            <div className="stat">
              <b data-testid="rows-unlinked">{formatCount(report.rowsUnlinked)}</b>
              <span>waiting for their customer</span>
            </div>
          </>
        )}
        <div className="stat">
          <b data-testid="rows-rejected">{formatCount(report.rowsRejected)}</b>
          <span>rejected</span>
        </div>
        <div className="stat">
          <b data-testid="rows-skipped">{formatCount(report.rowsSkipped)}</b>
          <span>skipped (blank or footer lines)</span>
        </div>
      </div>
      {accounted && (
        <div className="muted" data-testid="import-accounting">
          Every record of the file is accounted for: {formatCount(report.rowsRead)} {report.rowsRead === 1 ? 'record' : 'records'} on{' '}
          {formatCount(report.linesInFile)} {report.linesInFile === 1 ? 'line' : 'lines'} = {formatCount(report.rowsCreated)} new +{' '}
          {formatCount(report.rowsUpdated)} {updatedLabel} + {formatCount(report.rowsRejected)} rejected + {formatCount(report.rowsSkipped)}{' '}
          skipped.
        </div>
      )}
      <ValidationSummary report={report} />
      {report.policy && (
        <div className="muted" data-testid="import-policy">
          Customers already in the workspace: <b>{describePolicy(report.policy)}</b>.
        </div>
      )}
      {report.undoneAt && (
        <div className="alert alert-warning" data-testid="import-undone">
          Undone {formatWhen(report.undoneAt)}: what it created is deleted and what it updated is back as it was.
        </div>
      )}
      {report.encoding && (
        <div className="muted" data-testid="import-encoding">
          Read as <b>{report.encoding}</b>
          {report.encodingConfidence !== null && ` (${report.encodingConfidence}% confidence)`}.
        </div>
      )}
      {report.mapping.length > 0 && (
        <div>
          <div className="muted" style={{ fontSize: 12, fontWeight: 600, marginBottom: 6 }}>
            Columns
          </div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            {report.mapping.map((column) => (
              <span
                key={column.header + column.key}
                className={`badge ${column.kind === 'canonical' ? 'badge-success' : ''}`}
                title={
                  column.kind === 'canonical'
                    ? activity
                      ? 'Known field'
                      : 'Customer field'
                    : activity
                      ? 'Kept as a property'
                      : 'Custom attribute'
                }
              >
                {column.header || '(blank)'} → <span className="mono">{activity ? column.key : `{{ ${column.key} }}`}</span>
                {column.type ? ` · ${column.type}` : ''}
              </span>
            ))}
          </div>
        </div>
      )}
      {report.unlinked.length > 0 && (
        <div>
          <div className="muted" style={{ fontSize: 12, fontWeight: 600, marginBottom: 6 }}>
            Waiting for their customer ({formatCount(report.rowsUnlinked)}): kept, and linked when a customer with this id or email is
            imported
          </div>
          <div style={{ maxHeight: 200, overflow: 'auto', border: '1px solid var(--border)', borderRadius: 8 }}>
            <table className="table" aria-label="Rows waiting for their customer">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Customer id or email</th>
                </tr>
              </thead>
              <tbody>
                {report.unlinked.map((row) => (
                  <tr key={row.line}>
                    <td className="mono">{row.line}</td>
                    <td className="mono">{row.customerKey}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {report.warnings.length > 0 && (
        <div>
          <div className="muted" style={{ fontSize: 12, fontWeight: 600, marginBottom: 6 }}>
            Imported with a warning ({formatCount(report.rowsWarned)})
          </div>
          <div style={{ maxHeight: 200, overflow: 'auto', border: '1px solid var(--border)', borderRadius: 8 }}>
            <table className="table" aria-label="Rows imported with a warning">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Warning</th>
                </tr>
              </thead>
              <tbody>
                {report.warnings.map((row) => (
                  <tr key={row.line}>
                    <td className="mono">{row.line}</td>
                    <td style={{ whiteSpace: 'normal' }}>{row.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {report.rowsRejected > 0 && (
        <div>
          <div className="muted" style={{ fontSize: 12, fontWeight: 600, marginBottom: 6 }}>
            Rejected rows
          </div>
          <div style={{ maxHeight: 260, overflow: 'auto', border: '1px solid var(--border)', borderRadius: 8 }}>
            <table className="table" aria-label="Rejected rows">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Reason</th>
                  <th>Row as written</th>
                </tr>
              </thead>
              <tbody>
                {(rejections.data?.rows ?? report.rejections).map((row) => (
                  <tr key={row.line}>
                    <td className="mono">{row.line}</td>
                    <td style={{ whiteSpace: 'normal' }}>
                      <RejectionReasons rejection={row} />
                    </td>
                    <td>
                      <pre className="raw">{row.raw}</pre>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(rejections.data?.total ?? 0) > pageSize && (
            <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 6 }}>
              <button className="btn btn-sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span className="muted">
                {page * pageSize + 1}–{Math.min((page + 1) * pageSize, rejections.data?.total ?? 0)} of{' '}
                {formatCount(rejections.data?.total ?? 0)}
              </span>
              <button
                className="btn btn-sm"
                disabled={(page + 1) * pageSize >= (rejections.data?.total ?? 0)}
                onClick={() => setPage(page + 1)}
              >
                Next
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
