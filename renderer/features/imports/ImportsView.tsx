import { useState } from 'react';
import type { ImportReport } from '../../../shared/contract/schemas';
import { useApi } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { formatCount, formatWhen } from '../../ui/format';
import { ImportDialog } from './ImportDialog';
import { ImportReportView } from './ImportReportView';
import { ValidationRulesPanel } from '../validation/ValidationRulesPanel';
import { UndoImportButton } from './UndoImportButton';

const STATUS_BADGE: Record<ImportReport['status'], string> = {
  succeeded: 'badge-success',
  failed: 'badge-danger',
  cancelled: 'badge-warning',
  interrupted: 'badge-warning',
  running: '',
};

/** Rows imported with a validation flag; reports written before validation existed have no count. */
function flaggedOf(report: ImportReport): string {
  return report.rowsFlagged === undefined ? '–' : formatCount(report.rowsFlagged);
}

/** The columns an import used, short: the fields they fed, with every header → field in the tooltip. */
function MappingSummary({ report }: { report: ImportReport }) {
  if (report.mapping.length === 0) return null;
  const shown = report.mapping.slice(0, 3).map((column) => column.key);
  const more = report.mapping.length - shown.length;
  const full = report.mapping.map((column) => `${column.header} → ${column.key}${column.kind === 'custom' ? ' (custom)' : ''}`).join('\n');
  return (
    <span title={full} data-testid="import-mapping">
      {shown.join(', ')}
      {more > 0 && ` +${more}`}
    </span>
  );
}

/** Import history: every import with its counts, mapping and outcome, its rejected rows kept for inspection, and undo of the last one. */
export function ImportsView() {
  const imports = useApi('imports.list', {});
  const [importing, setImporting] = useState(false);
  const [open, setOpen] = useState<ImportReport | null>(null);
  const [rules, setRules] = useState(false);
  return (
    <div className="page" style={{ height: '100%' }}>
      <div className="page-header">
        <h1>Imports</h1>
        <span style={{ flex: 1 }} />
        <button className="btn" onClick={() => setRules(true)}>
          Validation rules…
        </button>
        <button className="btn btn-primary" onClick={() => setImporting(true)}>
          Import CSV…
        </button>
      </div>
      {/* The encoding and every other detail are one click away, so the row stays within the view. */}
      <div className="card" style={{ overflowX: 'auto' }}>
        {imports.data && imports.data.length === 0 ? (
          <div className="empty">
            <h2>No imports yet</h2>
            Bring in a CSV of customers (then their orders and events) to preview your emails with real data.
            <button className="btn btn-primary" onClick={() => setImporting(true)}>
              Import CSV…
            </button>
          </div>
        ) : (
          <table className="table" aria-label="Import history">
            <thead>
              <tr>
                <th>File</th>
                <th>Holds</th>
                <th>Started</th>
                <th>Status</th>
                <th>Read</th>
                <th>New</th>
                <th>Updated</th>
                <th>Flagged</th>
                <th>Rejected</th>
                <th>Skipped</th>
                <th>Mapping</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(imports.data ?? []).map((item) => (
                <tr key={item.importId}>
                  <td>{item.file}</td>
                  <td>{item.entity}</td>
                  <td>{formatWhen(item.startedAt)}</td>
                  <td>
                    {item.undoneAt === null ? (
                      <span className={`badge ${STATUS_BADGE[item.status]}`}>{item.status}</span>
                    ) : (
                      <span className="badge badge-warning" title={`Undone ${formatWhen(item.undoneAt)}`}>
                        undone
                      </span>
                    )}
                  </td>
                  <td>{formatCount(item.rowsRead)}</td>
                  <td>{formatCount(item.rowsCreated)}</td>
                  <td>{formatCount(item.rowsUpdated)}</td>
                  <td>{flaggedOf(item)}</td>
                  <td>{formatCount(item.rowsRejected)}</td>
                  <td>{formatCount(item.rowsSkipped)}</td>
                  <td>
                    <MappingSummary report={item} />
                  </td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <button className="btn btn-sm" onClick={() => setOpen(item)}>
                      Details
                    </button>{' '}
                    {item.canUndo && <UndoImportButton report={item} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      {rules && (
        <Dialog
          title="Validation rules"
          onClose={() => setRules(false)}
          width={860}
          footer={
            <button className="btn btn-primary" onClick={() => setRules(false)}>
              Close
            </button>
          }
        >
          <ValidationRulesPanel />
        </Dialog>
      )}
      {open && (
        <Dialog
          title="Import details"
          onClose={() => setOpen(null)}
          width={860}
          footer={
            <button className="btn btn-primary" onClick={() => setOpen(null)}>
              Close
            </button>
          }
        >
          <ImportReportView report={open} />
        </Dialog>
      )}
    </div>
  );
}
