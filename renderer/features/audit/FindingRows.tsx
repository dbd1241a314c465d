import type { AuditFinding, AuditRowRef } from '../../../shared/audit/report';
import { formatCount } from '../../ui/format';

const ROW_NOUN: Record<AuditRowRef['table'], string> = { customers: 'Customer', orders: 'Order', events: 'Event' };

/** The rows behind one finding; each opens its customer. */
export function FindingRows({ finding, onOpenCustomer }: { finding: AuditFinding; onOpenCustomer: (customerId: string) => void }) {
  const table = finding.rows[0]?.table ?? 'customers';
  const more = finding.count - finding.rows.length;
  return (
    <div className="audit-rows" data-testid="finding-rows">
      <table className="table" aria-label={`Rows: ${finding.title}`}>
        <thead>
          <tr>
            <th>{ROW_NOUN[table]}</th>
            {table !== 'customers' && <th>Customer</th>}
            <th>Value</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {finding.rows.map((row) => (
            <tr key={`${row.table}:${row.rowId}`}>
              <td className="mono">{row.rowId}</td>
              {table !== 'customers' && (
                <td className="mono">{row.customerId ?? <span className="muted">waiting for its customer</span>}</td>
              )}
              <td className="mono">{row.value}</td>
              <td style={{ textAlign: 'right' }}>
                {row.customerId !== null && (
                  <button className="btn btn-sm" onClick={() => onOpenCustomer(row.customerId as string)}>
                    Open customer
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && (
        <p className="muted">
          …and {formatCount(more)} more; the audit keeps the first {formatCount(finding.rows.length)}.
        </p>
      )}
    </div>
  );
}
