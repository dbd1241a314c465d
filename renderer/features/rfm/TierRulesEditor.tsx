import type { RfmSettings, TierRule } from '../../../shared/scores/rfm/settings';
import { MAX_BINS } from '../../../shared/scores/rfm/settings';
import { PACKAGE_TIERS } from '../../../shared/scores/rfm/default-tiers';
import { unreachableTiers } from '../../../shared/scores/rfm/unreachable-tiers';

type Measure = 'recency' | 'frequency' | 'monetary';
const MEASURES: { key: Measure; short: string; label: string }[] = [
  { key: 'recency', short: 'R', label: 'Recency' },
  { key: 'frequency', short: 'F', label: 'Frequency' },
  { key: 'monetary', short: 'M', label: 'Monetary' },
];

function ScoreSelect({ value, max, label, onChange }: { value: number; max: number; label: string; onChange: (value: number) => void }) {
  const top = Math.max(max, value);
  return (
    <select className="select rfm-score-select" aria-label={label} value={value} onChange={(event) => onChange(Number(event.target.value))}>
      {Array.from({ length: Math.min(top, MAX_BINS) }, (_, i) => (
        <option key={i + 1} value={i + 1}>
          {i + 1}
        </option>
      ))}
    </select>
  );
}

/**
 * The ordered tier rules: a customer gets the first rule whose three score
 * ranges (inclusive) hold its R, F and M scores. Rows move up and down,
 * are added and removed; the package's segments come back with one click.
 */
export function TierRulesEditor({ settings, onChange }: { settings: RfmSettings; onChange: (settings: RfmSettings) => void }) {
  const rules = settings.tiers;
  const setRules = (tiers: TierRule[]) => onChange({ ...settings, tiers });
  const update = (index: number, rule: TierRule) => setRules(rules.map((current, i) => (i === index ? rule : current)));
  const move = (index: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    next.splice(index + by, 0, rule!);
    setRules(next);
  };
  const add = () =>
    setRules([
      ...rules,
      {
        name: `Tier ${rules.length + 1}`,
        recency: [1, settings.bins.recency],
        frequency: [1, settings.bins.frequency],
        monetary: [1, settings.bins.monetary],
      },
    ]);

  return (
    <div className="rfm-rules">
      <table className="table rfm-rules-table" aria-label="Tier rules">
        <thead>
          <tr>
            <th>#</th>
            <th>Tier</th>
            {MEASURES.map((measure) => (
              <th key={measure.key} title={`${measure.label} score range (inclusive)`}>
                {measure.short} from – to
              </th>
            ))}
            <th>
              <span className="rfm-sr-only">Order and removal</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => {
            const name = rule.name.trim() || `rule ${index + 1}`;
            const reversed = MEASURES.filter(
              (measure) => rule[measure.key][0] > rule[measure.key][1] || rule[measure.key][0] > settings.bins[measure.key],
            );
            return (
              <tr key={index} aria-label={`Rule ${index + 1}: ${name}`}>
                <td className="muted">{index + 1}</td>
                <td>
                  <input
                    className="input rfm-tier-name"
                    aria-label={`Name of rule ${index + 1}`}
                    aria-invalid={rule.name.trim() === '' || undefined}
                    value={rule.name}
                    onChange={(event) => update(index, { ...rule, name: event.target.value })}
                  />
                </td>
                {MEASURES.map((measure) => (
                  <td key={measure.key} className={reversed.includes(measure) ? 'rfm-range rfm-range-invalid' : 'rfm-range'}>
                    <ScoreSelect
                      value={rule[measure.key][0]}
                      max={settings.bins[measure.key]}
                      label={`${name}: lowest ${measure.label.toLowerCase()} score`}
                      onChange={(lo) => update(index, { ...rule, [measure.key]: [lo, rule[measure.key][1]] })}
                    />
                    <span className="muted">–</span>
                    <ScoreSelect
                      value={rule[measure.key][1]}
                      max={settings.bins[measure.key]}
                      label={`${name}: highest ${measure.label.toLowerCase()} score`}
                      onChange={(hi) => update(index, { ...rule, [measure.key]: [rule[measure.key][0], hi] })}
                    />
                  </td>
                ))}
                <td className="rfm-rule-actions">
                  <button
                    className="btn btn-ghost btn-sm"
                    aria-label={`Move ${name} up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    className="btn btn-ghost btn-sm"
                    aria-label={`Move ${name} down`}
                    disabled={index === rules.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    className="btn btn-ghost btn-sm btn-danger"
                    aria-label={`Remove ${name}`}
                    onClick={() => setRules(rules.filter((_, i) => i !== index))}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unreachableTiers(settings).map((tier, index) => (
        <p key={index} className="rfm-rules-warning" role="status">
          {tier.message} Lower its ranges, or use more bins.
        </p>
      ))}
      <div className="rfm-rules-footer">
        <button className="btn btn-sm" onClick={add} disabled={rules.length >= 50}>
          Add rule
        </button>
        <button className="btn btn-sm btn-ghost" onClick={() => setRules(PACKAGE_TIERS.map((tier) => ({ ...tier })))}>
          Use the rfm package's segments
        </button>
        <span style={{ flex: 1 }} />
        <label className="rfm-other">
          <span className="muted">No rule matches:</span>
          <input
            className="input"
            aria-label="Tier when no rule matches"
            value={settings.otherTier}
            onChange={(event) => onChange({ ...settings, otherTier: event.target.value })}
          />
        </label>
      </div>
    </div>
  );
}
