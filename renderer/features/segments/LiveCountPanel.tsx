import type { Customer } from '../../../shared/contract/schemas';
import { displayName } from '../../../shared/templates/customer-context';
import { formatCount } from '../../ui/format';
import type { LiveCount } from './use-live-count';

/** The big number, kept steady while a new count is on its way. */
export function LiveCountFigure({ live, blocked }: { live: LiveCount; blocked: boolean }) {
  const note = blocked ? 'Fix the highlighted condition to count' : live.counting ? 'counting…' : live.error ? 'Refused' : null;
  return (
    <div className="live-count" aria-live="polite">
      <div className="muted" style={{ fontSize: 12 }}>
        Matching customers
      </div>
      <div className={`count-pill${live.stale ? ' count-stale' : ''}`} data-testid="segment-count" data-stale={live.stale}>
        {live.count === null ? '—' : formatCount(live.count)}
      </div>
      <div className="muted live-count-note" data-testid="count-note">
        {note ?? '\u00a0'}
      </div>
    </div>
  );
}

/** The engine's refusal in place, or the first members; clicking one opens their details. */
export function LiveSample({ live, onOpen }: { live: LiveCount; onOpen: (customer: Customer) => void }) {
  if (live.error) {
    return (
      <div className="alert alert-danger" data-testid="count-error">
        {live.error}
      </div>
    );
  }
  if (live.sample.length === 0) return null;
  return (
    <div className={live.stale ? 'count-stale' : ''}>
      <div className="muted" style={{ fontSize: 12, fontWeight: 600, marginBottom: 6 }}>
        First members (the first one is who a persona on this segment shows)
      </div>
      <table className="table table-clickable" aria-label="First members">
        <tbody>
          {live.sample.map((customer) => (
            <tr key={customer.id} onClick={() => onOpen(customer)}>
              <td className="mono muted">{customer.id}</td>
              <td>
                <button type="button" className="link-button" onClick={(e) => (e.stopPropagation(), onOpen(customer))}>
                  {displayName(customer)}
                </button>
              </td>
              <td>{customer.email}</td>
              <td>{[customer.city, customer.country].filter(Boolean).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
