import type { RfmSummary } from '../../../shared/scores/rfm/summary';
import { formatWhole } from './format';

type Measure = 'recency' | 'frequency' | 'monetary';
const COLUMNS: { key: Measure; label: string }[] = [
  { key: 'recency', label: 'Recency (days since last order)' },
  { key: 'frequency', label: 'Frequency (orders)' },
  { key: 'monetary', label: 'Monetary (revenue)' },
];

const bound = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** The values a score stands for: bin i holds cut[i − 1] <= v < cut[i]; recency scores count down. */
function rangeOf(summary: RfmSummary, measure: Measure, score: number): string | null {
  const bins = summary.bins[measure];
  if (score > bins) return null;
  const cuts = summary.cuts[measure];
  const bin = measure === 'recency' ? bins + 1 - score : score;
  const lo = bin === 1 ? null : cuts[bin - 2]!;
  const hi = bin === bins ? null : cuts[bin - 1]!;
  if (lo !== null && hi !== null && lo >= hi) return 'none (tied values)';
  if (lo === null && hi !== null) return `below ${bound.format(hi)}`;
  if (hi === null && lo !== null) return `${bound.format(lo)} or more`;
  if (lo !== null && hi !== null) return `${bound.format(lo)} to under ${bound.format(hi)}`;
  return 'all';
}

/** What each score means for each measure, and how many customers have it. */
export function ScoreBins({ summary }: { summary: RfmSummary }) {
  const top = Math.max(summary.bins.recency, summary.bins.frequency, summary.bins.monetary);
  const scores = Array.from({ length: top }, (_, i) => top - i);
  return (
    <table className="table rfm-bins-table" aria-label="Scores">
      <thead>
        <tr>
          <th>Score</th>
          {COLUMNS.map((column) => (
            <th key={column.key}>{column.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {scores.map((score) => (
          <tr key={score}>
            <td>{score}</td>
            {COLUMNS.map((column) => {
              const range = rangeOf(summary, column.key, score);
              const customers = summary.counts[column.key].find((entry) => entry.score === score)?.customers ?? 0;
              return (
                <td key={column.key}>
                  {range === null ? (
                    <span className="muted">–</span>
                  ) : (
                    <>
                      {range} <span className="muted">· {formatWhole(customers)} customers</span>
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
