import type { AudiencePlan } from '../../../../shared/contract/esp-schemas';
import { ESP_NAMES } from '../../../../shared/esp/esp';
import { formatCount } from '../../../ui/format';

const KIND_LABEL = { field: 'Field', score: 'Score', segment: 'Segment', derived: 'Derived' } as const;

/** What the CSV will hold: one row per contact, and each column under its ESP name with the Tailor token it carries. */
export function AudienceColumns({ plan }: { plan: AudiencePlan }) {
  return (
    <div className="audience-columns">
      <p role="status" aria-label="Audience size">
        <b>{formatCount(plan.rows)}</b> contact{plan.rows === 1 ? '' : 's'} × <b>{plan.columns.length}</b> columns
      </p>
      <div className="audience-columns-scroll">
        <table className="table" aria-label={`Columns for ${ESP_NAMES[plan.esp]}`}>
          <thead>
            <tr>
              <th>{ESP_NAMES[plan.esp]} column</th>
              <th>Tailor</th>
              <th>Kind</th>
            </tr>
          </thead>
          <tbody>
            {plan.columns.map((column) => (
              <tr key={column.token}>
                <td className="mono">{column.attribute}</td>
                <td className="mono muted">{column.token}</td>
                <td className="muted">{KIND_LABEL[column.kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
