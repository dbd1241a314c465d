import { useApi } from '../../api/queries';
import { scoreTokenName } from '../studio/completion-items';

const formatScore = (value: number | string): string =>
  typeof value === 'number' ? value.toLocaleString(undefined, { maximumFractionDigits: 3 }) : value;

/** What Tailor computed about one customer: each score with its token and as-of date, and the segments they are in. */
export function CustomerScores({ customerId }: { customerId: string }) {
  const computed = useApi('tokens.customer', { customerId });
  if (!computed.data) return null;
  const { scores, segments } = computed.data;
  return (
    <section aria-label="Scores and segments" data-testid="customer-scores" style={{ marginBottom: 12 }}>
      <h3 style={{ fontSize: 14, margin: '0 0 6px' }}>Scores and segments</h3>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginBottom: 8 }} aria-label="Segments">
        {segments.length === 0 ? (
          <span className="muted">In no segment.</span>
        ) : (
          segments.map((segment) => (
            <span key={segment.id} className="badge" data-testid="segment-chip">
              {segment.name}
            </span>
          ))
        )}
      </div>
      {scores.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          No scores computed for this customer yet.
        </p>
      ) : (
        <table className="table" aria-label="Scores">
          <thead>
            <tr>
              <th>Score</th>
              <th>Token</th>
              <th>Value</th>
              <th>As of</th>
            </tr>
          </thead>
          <tbody>
            {scores.map((score) => (
              <tr key={score.name}>
                <td style={{ whiteSpace: 'normal' }}>{score.description}</td>
                <td className="mono">{`{{ ${scoreTokenName(score)} }}`}</td>
                <td>{formatScore(score.value)}</td>
                <td>{score.asOf ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
