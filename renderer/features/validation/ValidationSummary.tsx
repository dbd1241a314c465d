import { toast } from 'sonner';
import type { ImportReport } from '../../../shared/contract/schemas';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';
import { formatCount } from '../../ui/format';

/** Save text as a file through the browser's download, in both hosts. */
function download(fileName: string, text: string): void {
  // The byte order mark makes spreadsheets read the file as UTF-8 (accents intact).
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An import's validation outcome: rows flagged and rejected per rule, and the rejected rows as a CSV to fix. */
export function ValidationSummary({ report }: { report: ImportReport }) {
  const counts = report.ruleCounts ?? [];
  const exportRejects = async () => {
    try {
      const file = await api.call('imports.rejectsCsv', { importId: report.importId });
      download(file.fileName, file.csv);
      toast.success(`${formatCount(file.rows)} rejected ${file.rows === 1 ? 'row' : 'rows'} saved as ${file.fileName}`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };
  if (counts.length === 0 && report.rowsRejected === 0 && !report.rowsFlagged) return null;
  return (
    <div data-testid="validation-summary" style={{ display: 'grid', gap: 6 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <div className="muted" style={{ fontSize: 12, fontWeight: 600 }}>
          Validation: <span data-testid="rows-flagged">{formatCount(report.rowsFlagged ?? 0)}</span> imported with a flag,{' '}
          {formatCount(report.rowsRejected)} rejected
        </div>
        <span style={{ flex: 1 }} />
        {report.rowsRejected > 0 && (
          <button className="btn btn-sm" onClick={() => void exportRejects()}>
            Export rejected rows (CSV)
          </button>
        )}
      </div>
      {counts.length > 0 && (
        <table className="table" aria-label="Validation per rule">
          <thead>
            <tr>
              <th>Rule</th>
              <th>Flagged</th>
              <th>Rejected</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((count) => (
              <tr key={count.rule} data-testid={`rule-count-${count.rule}`}>
                <td>{count.label}</td>
                <td>{formatCount(count.flagged)}</td>
                <td>{formatCount(count.rejected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.rowsRejected > 0 && (
        <div className="muted" style={{ fontSize: 12 }}>
          The exported file has the columns of {report.file} and a first column saying why each row was rejected. Fix the rows and import
          the file as it is: the reasons column is left out.
        </div>
      )}
    </div>
  );
}
