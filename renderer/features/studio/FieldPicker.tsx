import { useRef, useState } from 'react';
import type { FieldInfo } from '../../../shared/contract/schemas';
import type { ScoreToken } from '../../../shared/contract/token-schemas';
import { formatCount } from '../../ui/format';
import { useDismiss } from '../../ui/use-dismiss';
import { scoreStatus, scoreTokenName } from './completion-items';

interface Props {
  fields: FieldInfo[];
  /** Computed scores, listed after the fields under their snake_case token. */
  scores: ScoreToken[];
  onPick: (token: string) => void;
}

/** "Insert field": every customer field with its label and a sample, then every score, for authors who do not know the token names. */
export function FieldPicker({ fields, scores, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const ref = useRef<HTMLDivElement>(null);

  useDismiss(ref, open, () => setOpen(false));

  const needle = filter.trim().toLowerCase();
  const shown = fields.filter((f) => !needle || `${f.label} ${f.key} ${f.alias}`.toLowerCase().includes(needle));
  const shownScores = scores.filter((s) => !needle || `${s.description} ${s.name} score`.toLowerCase().includes(needle));

  return (
    <div ref={ref} style={{ position: 'relative' }}>
      <button className="btn btn-sm" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Insert field ▾
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Fields" style={{ top: 30, right: 0, width: 340, maxHeight: 420, overflow: 'auto' }}>
          <input
            className="input"
            autoFocus
            placeholder="Filter fields…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            aria-label="Filter fields"
            style={{ width: '100%', marginBottom: 4 }}
          />
          {shown.map((field) => (
            <button
              key={field.key}
              className="item"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                onPick(`{{ ${field.alias} }}`);
              }}
            >
              <span>
                {field.label} <span className="mono muted">{`{{ ${field.alias} }}`}</span>
              </span>
              <small className="muted" title={field.typeWarning ?? undefined}>
                {field.type !== 'text' ? `${field.type} · ` : ''}
                {field.sample ? `e.g. ${field.sample} · ` : ''}filled for {formatCount(field.filled)}
              </small>
            </button>
          ))}
          {shownScores.length > 0 && (
            <div className="muted" role="presentation" style={{ padding: '6px 8px 2px', fontSize: 12 }}>
              Scores
            </div>
          )}
          {shownScores.map((score) => {
            const token = `{{ ${scoreTokenName(score)} }}`;
            return (
              <button
                key={score.name}
                className="item"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  onPick(token);
                }}
              >
                <span>
                  {score.description} <span className="mono muted">{token}</span>
                </span>
                <small className="muted">
                  {score.holds} · {scoreStatus(score)}
                </small>
              </button>
            );
          })}
          {shown.length === 0 && shownScores.length === 0 && (
            <div className="muted" style={{ padding: 8 }}>
              No field matches.
            </div>
          )}
        </div>
      )}
    </div>
  );
}
