import { CLUSTER_FEATURES, FEATURE_INFO, type ClusterFeature } from '../../../shared/scores/clusters/cluster-features';
import { MAX_K, MIN_K } from '../../../shared/scores/clusters/cluster-run';

export interface ClustersForm {
  asOf: string;
  features: ClusterFeature[];
  /** Empty: the best silhouette. */
  k: string;
  engagementDays: string;
}

const K_CHOICES = Array.from({ length: MAX_K - MIN_K + 1 }, (_, i) => MIN_K + i);

/** As-of date, features (counts and money are read on a log scale), k, and the engagement window. */
export function ClustersSettingsForm({ form, onChange }: { form: ClustersForm; onChange: (form: ClustersForm) => void }) {
  const set = (patch: Partial<ClustersForm>) => onChange({ ...form, ...patch });
  const toggle = (feature: ClusterFeature, on: boolean) =>
    set({
      features: on
        ? CLUSTER_FEATURES.filter((f) => f === feature || form.features.includes(f))
        : form.features.filter((f) => f !== feature),
    });
  return (
    <section className="card score-settings" aria-label="Cluster settings">
      <h2>Settings</h2>
      <label className="field">
        <span>As of</span>
        <input className="input" type="date" value={form.asOf} onChange={(event) => set({ asOf: event.target.value })} />
      </label>
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <span>Features</span>
        <div className="score-features">
          {CLUSTER_FEATURES.map((feature) => (
            <label key={feature} className="toggle" title={FEATURE_INFO[feature].unit}>
              <input
                type="checkbox"
                checked={form.features.includes(feature)}
                onChange={(event) => toggle(feature, event.target.checked)}
              />
              {FEATURE_INFO[feature].label}
            </label>
          ))}
        </div>
        <small className="muted">
          Standardised as z-scores; counts and money on a log scale (log 1 + x) so a few big buyers do not dominate.
        </small>
      </fieldset>
      <label className="field">
        <span>Clusters (k)</span>
        <select className="select" value={form.k} onChange={(event) => set({ k: event.target.value })}>
          <option value="">Best silhouette</option>
          {K_CHOICES.map((k) => (
            <option key={k} value={String(k)}>
              {k}
            </option>
          ))}
        </select>
      </label>
      {form.features.includes('engagement') && (
        <label className="field">
          <span>Engagement window (days up to the as-of date)</span>
          <input
            className="input"
            type="number"
            min={1}
            value={form.engagementDays}
            onChange={(event) => set({ engagementDays: event.target.value })}
          />
        </label>
      )}
    </section>
  );
}
