import { useState } from 'react';
import type { ImportReport } from '../../../shared/contract/schemas';
import { useApi } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { formatCount, formatWhen } from '../../ui/format';
import { ImportDialog } from './ImportDialog';
import { ImportReportView } from './ImportReportView';
import { ValidationRulesPanel } from '../validation/ValidationRulesPanel';

const STATUS_BADGE: Record<ImportReport['status'], string> = {
  succeeded: 'badge-success',
  failed: 'badge-danger',
  cancelled: 'badge-warning',
  interrupted: 'badge-warning',
  running: '',
};

/** Import history: every import with its outcome, and its rejected rows kept for inspection. */
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
      <div className="card">
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
                <th>Imported</th>
                <th>Rejected</th>
                <th>Encoding</th>
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
                    <span className={`badge ${STATUS_BADGE[item.status]}`}>{item.status}</span>
                  </td>
                  <td>{formatCount(item.rowsRead)}</td>
                  <td>{formatCount(item.rowsImported)}</td>
                  <td>{formatCount(item.rowsRejected)}</td>
                  <td>{item.encoding ?? ''}</td>
                  <td>
                    <button className="btn btn-sm" onClick={() => setOpen(item)}>
                      Details
                    </button>
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
