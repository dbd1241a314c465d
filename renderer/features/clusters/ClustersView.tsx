import { useState } from 'react';
import { DEFAULT_CLUSTER_FEATURES, FEATURE_INFO } from '../../../shared/scores/clusters/cluster-features';
import { ClustersStartInput, type ClusterSettings } from '../../../shared/scores/clusters/cluster-run';
import { useApi } from '../../api/queries';
import { useDefaultAsOf } from '../../api/use-default-as-of';
import { api } from '../../api/transport';
import { ImportDialog } from '../imports/ImportDialog';
import { ScorePage } from '../scores/ScorePage';
import { useJob } from '../../api/use-job';
import '../scores/scores.css';
import { ClustersSettingsForm, type ClustersForm } from './ClustersSettingsForm';
import { KChart } from './KChart';
import { ProfileTable } from './ProfileTable';

const formFromSettings = (settings: ClusterSettings | null, asOf: string): ClustersForm => ({
  asOf,
  features: [...(settings?.features ?? DEFAULT_CLUSTER_FEATURES)],
  k: settings?.k === null || settings?.k === undefined ? '' : String(settings.k),
  engagementDays: String(settings?.engagementDays ?? 90),
});

/** Clusters: seeded K-Means on chosen behaviour, the silhouette and elbow chart, profiles with names, medoids as personas. */
export function ClustersView() {
  const workspace = useApi('workspace.current', {});
  const latest = useApi('clusters.latest', {});
  const defaultAsOf = useDefaultAsOf().day;
  const { run, start, cancel } = useJob(['clusters.latest']);
  const [edited, setForm] = useState<ClustersForm | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  // Until edited, the form shows the last run's settings (as of the workspace's default day).
  const form = edited ?? (latest.isSuccess ? formFromSettings(latest.data?.settings ?? null, defaultAsOf) : null);

  const counts = workspace.data?.counts;
  const noCustomers = counts !== undefined && counts.customers === 0;
  const noOrders = counts !== undefined && counts.orders === 0;
  const orderFeatures = form?.features.filter((feature) => FEATURE_INFO[feature].needsOrders) ?? [];
  const running = run.kind === 'running';
  const result = latest.data ?? null;

  const runClustering = (override?: Partial<ClustersForm>) => {
    if (!form) return;
    const next = { ...form, ...override };
    if (override) setForm(next);
    const parsed = ClustersStartInput.safeParse({
      asOf: next.asOf,
      features: next.features,
      k: next.k === '' ? null : Number(next.k),
      engagementDays: Number(next.engagementDays),
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Check the settings.');
      return;
    }
    setProblem(null);
    void start(() => api.call('clusters.start', parsed.data));
  };

  return (
    <ScorePage
      title="Clusters"
      stored={result && { asOf: result.settings.asOf, computedAt: result.computedAt }}
      action={
        noCustomers ? null : { label: result ? 'Cluster again' : 'Find clusters', onRun: () => runClustering(), disabled: running || !form }
      }
      run={run}
      runningLabel="Clustering"
      onCancel={cancel}
      problem={problem}
    >
      {noOrders && !noCustomers && orderFeatures.length > 0 && (
        <div className="card score-note">
          This workspace has no orders, so {orderFeatures.map((feature) => FEATURE_INFO[feature].label.toLowerCase()).join(', ')} cannot be
          measured. Import orders, or cluster on engagement alone.
        </div>
      )}
      {noCustomers ? (
        <div className="card empty">
          <h2>No customers yet</h2>
          Clusters group customers by how they buy and engage. Import customers, then their orders and events.
          <button className="btn btn-primary" onClick={() => setImporting(true)}>
            Import CSV…
          </button>
        </div>
      ) : (
        <div className="score-layout">
          {form && <ClustersSettingsForm form={form} onChange={setForm} />}
          <div className="score-results">
            {result ? (
              <>
                <section className="card score-panel" aria-label="Choosing k">
                  <h2>
                    Choosing k: {result.summary.k} clusters{' '}
                    <span className="muted" style={{ fontWeight: 400 }}>
                      ({result.summary.chosenBy === 'user' ? 'chosen' : 'suggested by silhouette'}; silhouette on{' '}
                      {result.summary.silhouetteSample.toLocaleString()} customers)
                    </span>
                  </h2>
                  <KChart summary={result.summary} onPickK={(k) => !running && runClustering({ k: String(k) })} />
                </section>
                <ProfileTable run={result} />
              </>
            ) : (
              !running &&
              latest.isSuccess && (
                <div className="card empty">
                  <h2>No clusters yet</h2>
                  K-Means groups customers with similar recency, frequency, spend and engagement. Choose the features and press Find
                  clusters; the chart then shows how many clusters fit best.
                </div>
              )
            )}
          </div>
        </div>
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </ScorePage>
  );
}
