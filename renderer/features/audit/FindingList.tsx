import { useState } from 'react';
import type { AuditFinding } from '../../../shared/audit/report';
import { countOf } from '../../ui/format';
import { FindingRows } from './FindingRows';

const KIND_BADGE: Record<AuditFinding['kind'], string> = {
  'outlier-high': 'badge-warning',
  'outlier-low': 'badge-warning',
  'future-date': 'badge-danger',
  'impossible-age': 'badge-danger',
  unreadable: 'badge-danger',
  'busy-day': 'badge-warning',
};

const KIND_LABEL: Record<AuditFinding['kind'], string> = {
  'outlier-high': 'outlier',
  'outlier-low': 'outlier',
  'future-date': 'future date',
  'impossible-age': 'impossible age',
  unreadable: 'wrong type',
  'busy-day': 'busy day',
};

/** Findings as disclosure buttons: opening one lists its rows, each of which opens its customer. */
export function FindingList({
  findings,
  onOpenCustomer,
  showField = false,
}: {
  findings: AuditFinding[];
  onOpenCustomer: (customerId: string) => void;
  showField?: boolean;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ul className="audit-findings" aria-label="Findings">
      {findings.map((finding) => {
        const expanded = open === finding.id;
        return (
          <li key={finding.id}>
            <button
              className="audit-finding"
              aria-expanded={expanded}
              onClick={() => setOpen(expanded ? null : finding.id)}
              data-testid={`finding-${finding.kind}`}
            >
              <span className={`badge ${KIND_BADGE[finding.kind]}`}>{KIND_LABEL[finding.kind]}</span>
              <span className="audit-finding-title">
                {showField && <span className="mono muted">{finding.fieldId} · </span>}
                {finding.title}
              </span>
              <span className="muted">{countOf(finding.count, 'row')}</span>
            </button>
            {expanded && (
              <div className="audit-finding-body">
                <p className="muted">{finding.detail}</p>
                <FindingRows finding={finding} onOpenCustomer={onOpenCustomer} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
