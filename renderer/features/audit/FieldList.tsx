import { useRef, type KeyboardEvent } from 'react';
import type { AuditReport, AuditTable } from '../../../shared/audit/report';
import { listKeyTarget } from '../../ui/list-keys';
import { percent } from './format-values';

/** The overview entry, then one per field. */
export const OVERVIEW = 'overview';

const GROUPS: { table: AuditTable; label: string }[] = [
  { table: 'customers', label: 'Customers' },
  { table: 'orders', label: 'Orders' },
  { table: 'events', label: 'Events' },
];

/**
 * The fields of the report, grouped by table, as one list the keyboard walks:
 * arrows move (and select), Home and End jump; Tab leaves for the detail.
 */
export function FieldList({ report, selected, onSelect }: { report: AuditReport; selected: string; onSelect: (id: string) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const findingsOf = new Map<string, number>();
  for (const finding of report.findings) findingsOf.set(finding.fieldId, (findingsOf.get(finding.fieldId) ?? 0) + 1);
  const order = [OVERVIEW, ...GROUPS.flatMap(({ table }) => report.fields.filter((f) => f.table === table).map((f) => f.id))];

  const onKeyDown = (event: KeyboardEvent) => {
    const index = order.indexOf(selected);
    const next = listKeyTarget(event.key, index, order.length);
    if (next === null) return;
    event.preventDefault();
    const id = order[next] as string;
    onSelect(id);
    list.current?.querySelector<HTMLElement>(`[data-field-id="${CSS.escape(id)}"]`)?.focus();
  };

  const option = (id: string, content: React.ReactNode) => (
    <button
      key={id}
      role="option"
      aria-selected={selected === id}
      tabIndex={selected === id ? 0 : -1}
      data-field-id={id}
      className="audit-field"
      onClick={() => onSelect(id)}
    >
      {content}
    </button>
  );

  return (
    <div className="card audit-fields" role="listbox" aria-label="Fields" ref={list} onKeyDown={onKeyDown}>
      {option(
        OVERVIEW,
        <>
          <span className="audit-field-name">All findings</span>
          <span className={`badge ${report.findings.length > 0 ? 'badge-warning' : 'badge-success'}`}>{report.findings.length}</span>
        </>,
      )}
      {GROUPS.map(({ table, label }) => {
        const fields = report.fields.filter((field) => field.table === table);
        if (fields.length === 0) return null;
        return (
          <div key={table} role="group" aria-label={label}>
            <div className="sidebar-header">{label}</div>
            {fields.map((field) =>
              option(
                field.id,
                <>
                  <span className="audit-field-name">{field.label}</span>
                  <span className="muted audit-field-meta">
                    {field.type} · {percent(field.filled, field.rows)}
                  </span>
                  {(findingsOf.get(field.id) ?? 0) > 0 && (
                    <span className="badge badge-warning" aria-label={`${findingsOf.get(field.id)} findings`}>
                      {findingsOf.get(field.id)}
                    </span>
                  )}
                </>,
              ),
            )}
          </div>
        );
      })}
    </div>
  );
}
