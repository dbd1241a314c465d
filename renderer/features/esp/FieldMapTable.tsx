import { useState } from 'react';
import type { EspFieldMapEntry } from '../../../shared/contract/esp-schemas';
import { ESP_NAMES, type EspId } from '../../../shared/esp/esp';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';

interface Props {
  esp: EspId;
  entries: readonly EspFieldMapEntry[];
  /** Called after a save, so the preview converts again with the new names. */
  onSaved: () => void;
}

const tokenLabel = (entry: EspFieldMapEntry): string =>
  entry.kind === 'segment' ? `segment “${entry.token.slice('segment:'.length)}”` : entry.token;

/**
 * The tokens the template reads and their attribute names at the ESP,
 * editable; saved per workspace, so the next export and the audience CSV
 * use the same names. An emptied name goes back to the default.
 */
export function FieldMapTable({ esp, entries, onSaved }: Props) {
  const used = entries.filter((entry) => entry.used);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const changed = Object.entries(edits).filter(([token, value]) => entries.find((e) => e.token === token)?.attribute !== value);

  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await api.call('esp.saveFieldMap', {
        esp,
        entries: changed.map(([token, value]) => ({ token, attribute: value.trim() === '' ? null : value.trim() })),
      });
      setEdits({});
      onSaved();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  if (used.length === 0) return <p className="muted">This template reads no fields, so nothing needs a name at {ESP_NAMES[esp]}.</p>;
  return (
    <div className="esp-panel">
      <div className="esp-field-map">
        <table className="table" aria-label={`Field map for ${ESP_NAMES[esp]}`}>
          <thead>
            <tr>
              <th>Tailor token</th>
              <th>{ESP_NAMES[esp]} attribute</th>
            </tr>
          </thead>
          <tbody>
            {used.map((entry) => (
              <tr key={entry.token}>
                <td className="mono">{tokenLabel(entry)}</td>
                <td>
                  <input
                    className="input"
                    aria-label={`${ESP_NAMES[esp]} attribute for ${entry.token}`}
                    value={edits[entry.token] ?? entry.attribute}
                    placeholder={entry.suggested}
                    onChange={(event) => setEdits((current) => ({ ...current, [entry.token]: event.target.value }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="esp-row">
        <button className="btn" disabled={saving || changed.length === 0} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save field names'}
        </button>
        <span className="muted" style={{ fontSize: 12 }}>
          Saved in this workspace for every {ESP_NAMES[esp]} export and audience. Empty a name to use the default.
        </span>
      </div>
      {problem && (
        <div className="alert alert-danger" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
