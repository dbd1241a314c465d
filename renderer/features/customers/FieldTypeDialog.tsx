import { useState } from 'react';
import type { FieldInfo, RetypeReport } from '../../../shared/contract/schemas';
import { FIELD_TYPES, type FieldType } from '../../../shared/fields/types/field-type';
import { followJob } from '../../api/events';
import { errorMessage, useApiMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { formatCount } from '../../ui/format';

interface Props {
  field: FieldInfo;
  onClose: () => void;
}

type Phase = { kind: 'edit' } | { kind: 'running'; jobId: string; done: number } | { kind: 'done'; report: RetypeReport };

/**
 * Change how a field's values are read: its type, and for numbers and dates
 * the decimal mark and day order. The stored values are re-read from the
 * text as a job; values that do not read as the new type are reported.
 */
export function FieldTypeDialog({ field, onClose }: Props) {
  const [type, setType] = useState<FieldType>(field.type);
  const [decimal, setDecimal] = useState<'' | '.' | ','>('');
  const [dateOrder, setDateOrder] = useState<'' | 'day-first' | 'month-first'>('');
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' });
  const [problem, setProblem] = useState<string | null>(null);
  const setFieldType = useApiMutation('customers.setFieldType');
  const canonical = field.kind === 'canonical';

  const apply = async () => {
    setProblem(null);
    try {
      const locale = { ...(decimal ? { decimalSeparator: decimal } : {}), ...(dateOrder ? { dateOrder } : {}) };
      const { jobId } = await setFieldType.mutateAsync({ key: field.key, type, locale });
      setPhase({ kind: 'running', jobId, done: 0 });
      const job = await followJob(jobId, (update) =>
        setPhase((current) => (current.kind === 'running' ? { ...current, done: update.progress.rows ?? 0 } : current)),
      ).done;
      if (job.kind === 'fields.retype' && job.result) setPhase({ kind: 'done', report: job.result });
      else {
        setPhase({ kind: 'edit' });
        setProblem(job.message ?? 'The type change stopped without a report.');
      }
    } catch (error) {
      setPhase({ kind: 'edit' });
      setProblem(errorMessage(error));
    }
  };

  return (
    <Dialog
      title={`Type of “${field.label}”`}
      description="Values are read from the text as imported; the text itself never changes."
      onClose={onClose}
      busy={phase.kind === 'running'}
      footer={
        phase.kind === 'done' ? (
          <button className="btn btn-primary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button className="btn" onClick={onClose} disabled={phase.kind === 'running'}>
              Cancel
            </button>
            <button className="btn btn-primary" onClick={() => void apply()} disabled={phase.kind === 'running'}>
              Apply
            </button>
          </>
        )
      }
    >
      {phase.kind === 'done' ? (
        <div data-testid="retype-report">
          <p>
            {formatCount(phase.report.parsed)} value{phase.report.parsed === 1 ? '' : 's'} read as {phase.report.type}
            {phase.report.failed > 0 ? `; ${formatCount(phase.report.failed)} did not and stay text.` : '.'}
          </p>
          {phase.report.examples.length > 0 && (
            <table className="table" aria-label="Values that did not read">
              <thead>
                <tr>
                  <th>Customer</th>
                  <th>Value</th>
                  <th>Why</th>
                </tr>
              </thead>
              <tbody>
                {phase.report.examples.map((example) => (
                  <tr key={example.id}>
                    <td className="mono">{example.id}</td>
                    <td>{example.text}</td>
                    <td style={{ whiteSpace: 'normal' }}>{example.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : (
        <div style={{ display: 'grid', gap: 10 }}>
          <label>
            Type{' '}
            <select
              className="select"
              value={type}
              onChange={(e) => setType(e.target.value as FieldType)}
              aria-label="Field type"
              disabled={canonical}
            >
              {FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          {canonical && <span className="muted">A built-in field keeps its type; its locale can change.</span>}
          <label>
            Decimal mark{' '}
            <select
              className="select"
              value={decimal}
              onChange={(e) => setDecimal(e.target.value as typeof decimal)}
              aria-label="Decimal mark"
            >
              <option value="">as imported</option>
              <option value=".">1,234.50</option>
              <option value=",">1.234,50</option>
            </select>
          </label>
          <label>
            Day order{' '}
            <select
              className="select"
              value={dateOrder}
              onChange={(e) => setDateOrder(e.target.value as typeof dateOrder)}
              aria-label="Day order"
            >
              <option value="">as imported</option>
              <option value="day-first">05/03 is 5 March</option>
              <option value="month-first">05/03 is May 3</option>
            </select>
          </label>
          {phase.kind === 'running' && <div className="muted">Re-reading values… {formatCount(phase.done)}</div>}
          {problem && (
            <div className="error" role="alert">
              {problem}
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}
