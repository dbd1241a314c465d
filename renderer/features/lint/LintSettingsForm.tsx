import { useState } from 'react';
import type { EmailClient, LintSettings } from '../../../shared/qa/lint/lint-settings';
import { parseUtmList } from './lint-summary';

interface Props {
  settings: LintSettings;
  clients: readonly EmailClient[];
  saving: boolean;
  onSave: (settings: LintSettings) => void;
}

/** The workspace's lint settings: which clients to check support in, and which UTM parameters links must carry. */
export function LintSettingsForm({ settings, clients, saving, onSave }: Props) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(expand(settings.clients, clients)));
  const [utm, setUtm] = useState(settings.requiredUtm.join(', '));
  const utmList = parseUtmList(utm);
  const utmProblem = utmList.find((name) => !/^utm_[a-z_]+$/.test(name));
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <div style={{ display: 'grid', gap: 10 }}>
      <label className="field">
        <span>Required UTM parameters</span>
        <input
          className="input mono"
          value={utm}
          placeholder="none (e.g. utm_source, utm_campaign)"
          onChange={(event) => setUtm(event.target.value)}
          aria-label="Required UTM parameters"
        />
      </label>
      {utmProblem && <div className="alert alert-warning">“{utmProblem}” is not a UTM parameter: they start with utm_.</div>}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="muted" style={{ fontSize: 12, marginBottom: 4 }}>
          Email clients to check ({chosen.size} of {clients.length})
        </legend>
        <div className="lint-clients">
          {clients.map((client) => (
            <label key={client.id} className="toggle">
              <input type="checkbox" checked={chosen.has(client.id)} onChange={(event) => toggle(client.id, event.target.checked)} />
              {client.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <button
          className="btn btn-sm"
          disabled={saving || utmProblem !== undefined}
          onClick={() => onSave({ clients: [...chosen].sort(), requiredUtm: utmList })}
        >
          {saving ? 'Saving…' : 'Save settings and lint again'}
        </button>
      </div>
    </div>
  );
}

/** Stored settings may say `gmail.*`; the form shows one box per client. */
function expand(patterns: readonly string[], clients: readonly EmailClient[]): string[] {
  return clients
    .filter((client) =>
      patterns.some((pattern) => (pattern.endsWith('.*') ? client.id.startsWith(pattern.slice(0, -1)) : client.id === pattern)),
    )
    .map((client) => client.id);
}
