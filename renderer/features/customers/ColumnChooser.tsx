import type { FieldInfo } from '../../../shared/contract/schemas';
import { Dialog } from '../../ui/Dialog';
import { NAME_COLUMN } from './grid-columns';

interface Props {
  fields: FieldInfo[];
  columns: string[];
  onChange: (columns: string[]) => void;
  onReset: () => void;
  onClose: () => void;
}

const labelOf = (fields: readonly FieldInfo[], key: string): string =>
  key === NAME_COLUMN ? 'Name (first and last)' : (fields.find((f) => f.key === key)?.label ?? key);

/** Pick which fields the grid shows and in what order; changes apply at once and are remembered per workspace. */
export function ColumnChooser({ fields, columns, onChange, onReset, onClose }: Props) {
  const shown = new Set(columns);
  const hidden = [NAME_COLUMN, ...fields.map((f) => f.key)].filter((key) => !shown.has(key));
  const move = (index: number, by: -1 | 1) => {
    const next = [...columns];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + by, 0, item);
    onChange(next);
  };
  return (
    <Dialog
      title="Columns"
      description="Choose the fields the grid shows and their order. Remembered for this workspace."
      onClose={onClose}
      width={520}
      footer={
        <>
          <button className="btn" onClick={onReset}>
            Reset to default
          </button>
          <button className="btn btn-primary" onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      <div style={{ display: 'grid', gap: 4, maxHeight: 420, overflow: 'auto' }} aria-label="Columns shown">
        {columns.map((key, index) => (
          <div key={key} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <label style={{ flex: 1 }}>
              <input
                type="checkbox"
                checked
                onChange={() => onChange(columns.filter((c) => c !== key))}
                aria-label={`Show ${labelOf(fields, key)}`}
              />{' '}
              {labelOf(fields, key)}
            </label>
            <button
              className="btn btn-sm btn-ghost"
              disabled={index === 0}
              onClick={() => move(index, -1)}
              aria-label={`Move ${labelOf(fields, key)} up`}
            >
              ↑
            </button>
            <button
              className="btn btn-sm btn-ghost"
              disabled={index === columns.length - 1}
              onClick={() => move(index, 1)}
              aria-label={`Move ${labelOf(fields, key)} down`}
            >
              ↓
            </button>
          </div>
        ))}
        {hidden.length > 0 && (
          <div className="muted" style={{ fontSize: 12, fontWeight: 600, marginTop: 8 }}>
            Hidden
          </div>
        )}
        {hidden.map((key) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={false}
              onChange={() => onChange([...columns, key])}
              aria-label={`Show ${labelOf(fields, key)}`}
            />{' '}
            {labelOf(fields, key)}
          </label>
        ))}
      </div>
    </Dialog>
  );
}
