import type { AuditFinding, FieldAudit } from '../../../shared/audit/report';
import { formatCount } from '../../ui/format';
import { FindingList } from './FindingList';
import { HistogramChart } from './HistogramChart';
import { percent, rangeText, scaledValue } from './format-values';

const TYPE_SOURCE: Record<FieldAudit['typeSource'], string> = {
  catalogue: 'from the field catalogue',
  detected: 'detected from the values (not typed yet)',
  fixed: 'fixed column type',
};

/** Everything the audit found about one field: its numbers, its histogram, its top values and its findings. */
export function FieldDetail({
  field,
  findings,
  onOpenCustomer,
}: {
  field: FieldAudit;
  findings: AuditFinding[];
  onOpenCustomer: (customerId: string) => void;
}) {
  const range = rangeText(field.range);
  const distinct = field.distinctExact ? formatCount(field.distinct) : `more than ${formatCount(field.distinct)}`;
  return (
    <section className="card audit-detail" aria-label={`Audit of ${field.label}`}>
      <header className="audit-detail-header">
        <h2>{field.label}</h2>
        <span className="badge">{field.type}</span>
        <span className="muted mono">{field.id}</span>
      </header>
      <dl className="audit-stats">
        <div>
          <dt>Type</dt>
          <dd>
            {field.type} <span className="muted">({TYPE_SOURCE[field.typeSource]})</span>
          </dd>
        </div>
        <div>
          <dt>Completeness</dt>
          <dd data-testid="audit-completeness">
            {percent(field.filled, field.rows)}{' '}
            <span className="muted">
              ({formatCount(field.filled)} of {formatCount(field.rows)})
            </span>
          </dd>
        </div>
        <div>
          <dt>Distinct values</dt>
          <dd>{distinct}</dd>
        </div>
        {field.unreadable > 0 && (
          <div>
            <dt>Not {field.type}</dt>
            <dd>{formatCount(field.unreadable)}</dd>
          </div>
        )}
        {range && (
          <>
            <div>
              <dt>{field.range?.kind === 'text' ? 'First (A→Z)' : 'Min'}</dt>
              <dd className="mono" data-testid="audit-min">
                {range.min}
              </dd>
            </div>
            <div>
              <dt>{field.range?.kind === 'text' ? 'Last (A→Z)' : 'Max'}</dt>
              <dd className="mono" data-testid="audit-max">
                {range.max}
              </dd>
            </div>
          </>
        )}
        {field.range?.kind === 'text' && (
          <div>
            <dt>Length</dt>
            <dd>
              {field.range.minLength}–{field.range.maxLength} characters
            </dd>
          </div>
        )}
        {field.fences && field.fences.method !== 'none' && field.histogram && (
          <div>
            <dt>Outlier fences</dt>
            <dd>
              {scaledValue(field.fences.low, field.histogram.scale)} … {scaledValue(field.fences.high, field.histogram.scale)}{' '}
              <span className="muted">({field.fences.method === 'robust-z' ? 'robust z-score' : 'interquartile range'})</span>
            </dd>
          </div>
        )}
      </dl>

      {field.histogram && (
        <div className="audit-block">
          <h3>Distribution</h3>
          <HistogramChart histogram={field.histogram} label={field.label} />
          {field.histogram.below + field.histogram.above > 0 && (
            <p className="muted">
              Not drawn: {formatCount(field.histogram.below)} below and {formatCount(field.histogram.above)} above the outlier fences.
            </p>
          )}
        </div>
      )}

      {findings.length > 0 && (
        <div className="audit-block">
          <h3>Findings</h3>
          <FindingList findings={findings} onOpenCustomer={onOpenCustomer} />
        </div>
      )}

      {field.top.length === 0 && field.filled > 0 && field.type !== 'boolean' && (
        <p className="muted">No value repeats: every one is different.</p>
      )}
      {field.top.length > 0 && (
        <div className="audit-block">
          <h3>Top values{field.topExact ? '' : ' (estimated)'}</h3>
          <table className="table" aria-label={`Top values of ${field.label}`}>
            <tbody>
              {field.top.map((entry) => (
                <tr key={entry.value}>
                  <td className="mono">{entry.value}</td>
                  <td style={{ width: 120 }}>{formatCount(entry.count)}</td>
                  <td style={{ width: 160 }}>
                    <div className="progress" aria-hidden="true">
                      <div style={{ width: percent(entry.count, Math.max(1, field.filled)) }} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
