import { useState } from 'react';
import { formatCount } from '../../ui/format';
import type { IntentForm } from './intent-form';

interface Props {
  form: IntentForm;
  onChange: (form: IntentForm) => void;
  /** Event types seen in the last run's window without a weight, to add in one click. */
  suggestions: readonly { type: string; count: number }[];
}

/** As-of date, window, optional half-life, and the weight of each event type (editable, addable, removable). */
export function IntentSettingsForm({ form, onChange, suggestions }: Props) {
  const [newType, setNewType] = useState('');
  const set = (patch: Partial<IntentForm>) => onChange({ ...form, ...patch });
  const listed = new Set(form.weights.map((entry) => entry.type));
  const add = (type: string) => {
    const name = type.trim();
    if (!name || listed.has(name)) return;
    set({ weights: [...form.weights, { type: name, weight: '1' }] });
    setNewType('');
  };

  return (
    <section className="card score-settings" aria-label="Intent settings">
      <h2>Settings</h2>
      <label className="field">
        <span>As of</span>
        <input className="input" type="date" value={form.asOf} onChange={(event) => set({ asOf: event.target.value })} />
      </label>
      <label className="field">
        <span>Window (days up to the as-of date)</span>
        <input
          className="input"
          type="number"
          min={1}
          value={form.windowDays}
          onChange={(event) => set({ windowDays: event.target.value })}
        />
      </label>
      <label className="field">
        <span>Half-life in days (empty: no decay)</span>
        <input
          className="input"
          type="number"
          min={1}
          placeholder="No decay"
          value={form.halfLifeDays}
          onChange={(event) => set({ halfLifeDays: event.target.value })}
        />
      </label>
      <div className="field">
        <span>Weight per event</span>
        <div className="score-weights" role="group" aria-label="Event weights">
          {form.weights.map((entry, index) => (
            <Weight
              key={entry.type}
              type={entry.type}
              weight={entry.weight}
              onWeight={(weight) => set({ weights: form.weights.map((other, i) => (i === index ? { ...other, weight } : other)) })}
              onRemove={() => set({ weights: form.weights.filter((_, i) => i !== index) })}
            />
          ))}
        </div>
        <form
          className="score-row"
          onSubmit={(event) => {
            event.preventDefault();
            add(newType);
          }}
        >
          <input
            className="input"
            style={{ flex: 1 }}
            placeholder="Event type, e.g. wishlist_add"
            aria-label="New event type"
            value={newType}
            onChange={(event) => setNewType(event.target.value)}
          />
          <button className="btn btn-sm" type="submit" disabled={!newType.trim() || listed.has(newType.trim())}>
            Add
          </button>
        </form>
        {suggestions.some((entry) => !listed.has(entry.type)) && (
          <div className="score-row" aria-label="Unweighted event types">
            <span className="muted">In the window, unweighted:</span>
            {suggestions
              .filter((entry) => !listed.has(entry.type))
              .map((entry) => (
                <button key={entry.type} className="btn btn-sm" onClick={() => add(entry.type)} title={`Weigh ${entry.type}`}>
                  + {entry.type} <span className="muted">({formatCount(entry.count)})</span>
                </button>
              ))}
          </div>
        )}
      </div>
    </section>
  );
}

function Weight({
  type,
  weight,
  onWeight,
  onRemove,
}: {
  type: string;
  weight: string;
  onWeight: (w: string) => void;
  onRemove: () => void;
}) {
  return (
    <>
      <span className="mono">{type}</span>
      <input
        className="input"
        type="number"
        min={0}
        step="any"
        aria-label={`Weight of ${type}`}
        value={weight}
        onChange={(event) => onWeight(event.target.value)}
      />
      <button className="btn btn-ghost btn-sm" onClick={onRemove} aria-label={`Remove ${type}`} title={`Remove ${type}`}>
        ×
      </button>
    </>
  );
}
