import { useState } from 'react';
import { toast } from 'sonner';
import { FEATURE_INFO } from '../../../shared/scores/clusters/cluster-features';
import type { ClusterProfile, ClustersRun } from '../../../shared/scores/clusters/cluster-run';
import { errorMessage, useApiMutation } from '../../api/queries';
import { formatCount } from '../../ui/format';

const number = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: value >= 100 ? 0 : 1 });

/** A mean against the overall mean, as a signed percentage. */
function Delta({ value, overall }: { value: number; overall: number }) {
  if (overall === 0) return null;
  const change = (value - overall) / Math.abs(overall);
  if (Math.abs(change) < 0.05)
    return (
      <span className="muted" style={{ fontSize: 11 }}>
        {' '}
        ≈
      </span>
    );
  return (
    <span className={change > 0 ? 'delta-up' : 'delta-down'}>
      {' '}
      {change > 0 ? '+' : '−'}
      {Math.round(Math.abs(change) * 100)}%
    </span>
  );
}

/** A cluster's name: edited in place, saved on Enter or leaving the box (its members' `cluster` score follows). */
function NameCell({ cluster }: { cluster: ClusterProfile }) {
  const [name, setName] = useState(cluster.name);
  const rename = useApiMutation('clusters.rename');
  const save = async () => {
    const next = name.trim();
    if (next === cluster.name) return;
    try {
      await rename.mutateAsync({ index: cluster.index, name: next });
    } catch (error) {
      toast.error(errorMessage(error));
      setName(cluster.name);
    }
  };
  return (
    <input
      className="input"
      aria-label={`Name of cluster ${cluster.index + 1}`}
      value={name}
      onChange={(event) => setName(event.target.value)}
      onBlur={() => void save()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') setName(cluster.name);
      }}
    />
  );
}

/**
 * Each cluster's size and the mean of each feature against the overall mean,
 * its editable name, and its medoid (the member nearest the centroid), which
 * becomes a Studio persona in one click.
 */
export function ProfileTable({ run }: { run: ClustersRun }) {
  const { summary } = run;
  const addPersona = useApiMutation('personas.save');
  const asPersona = async (cluster: ClusterProfile) => {
    if (!cluster.medoid) return;
    const label = `${cluster.name} (medoid)`;
    try {
      await addPersona.mutateAsync({ label, source: { kind: 'customer', customerId: cluster.medoid.id } });
      toast.success(`"${label}" is now a persona in the Studio`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };
  return (
    <section className="card score-panel" aria-label="Cluster profiles">
      <h2>Profiles</h2>
      <div style={{ overflowX: 'auto' }}>
        <table className="table cluster-table">
          <thead>
            <tr>
              <th>Cluster</th>
              <th className="num">Customers</th>
              {summary.features.map((feature) => (
                <th key={feature} className="num" title={FEATURE_INFO[feature].unit}>
                  {FEATURE_INFO[feature].label}
                  <div className="muted" style={{ fontWeight: 400 }}>
                    {FEATURE_INFO[feature].unit}
                  </div>
                </th>
              ))}
              <th>Medoid</th>
            </tr>
          </thead>
          <tbody>
            {summary.clusters.map((cluster) => (
              <tr key={`${run.computedAt}-${cluster.index}`} data-testid="cluster-row">
                <td>
                  <NameCell cluster={cluster} />
                </td>
                <td className="num">
                  {formatCount(cluster.size)}{' '}
                  <span className="muted">({Math.round((100 * cluster.size) / Math.max(1, summary.customers))}%)</span>
                </td>
                {cluster.means.map((value, j) => (
                  <td key={summary.features[j]} className="num">
                    {number(value)}
                    <Delta value={value} overall={summary.overall[j] ?? 0} />
                  </td>
                ))}
                <td>
                  {cluster.medoid ? (
                    <div className="score-row">
                      <span title={cluster.medoid.id}>{cluster.medoid.name}</span>
                      <button className="btn btn-sm" onClick={() => void asPersona(cluster)} disabled={addPersona.isPending}>
                        Add medoid as persona
                      </button>
                    </div>
                  ) : (
                    <span className="muted">empty</span>
                  )}
                </td>
              </tr>
            ))}
            <tr>
              <td>
                <b>All clustered</b>
              </td>
              <td className="num">{formatCount(summary.customers)}</td>
              {summary.overall.map((value, j) => (
                <td key={summary.features[j]} className="num">
                  <b>{number(value)}</b>
                </td>
              ))}
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      {summary.withoutOrders > 0 && (
        <p className="muted" style={{ margin: 0 }}>
          {formatCount(summary.withoutOrders)} customers without orders before {run.settings.asOf} are labelled “No orders” instead of
          clustered.
        </p>
      )}
      <p className="muted" style={{ margin: 0 }}>
        Each customer’s cluster name is the <span className="mono">cluster</span> score: a token in templates and a segment condition
        (cluster is “name”).
      </p>
    </section>
  );
}
