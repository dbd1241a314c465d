import type { Handlers } from '../../shared/contract/contract';
import { ClusterSettings } from '../../shared/scores/clusters/cluster-run';
import { CLUSTERS_RUN } from '../services/jobs';
import { clustersInWorker } from '../workspace/scores/clusters/clusters-in-worker';
import { latestClustersRun, renameCluster } from '../workspace/scores/clusters/clusters-repo';
import { defaultAsOf } from '../workspace/default-as-of';
import type { HandlerContext } from './context';

export function clustersHandlers(ctx: HandlerContext): Pick<Handlers, 'clusters.start' | 'clusters.latest' | 'clusters.rename'> {
  return {
    'clusters.start': (input) => {
      const { db } = ctx.session.require();
      const settings = ClusterSettings.parse({ ...input, asOf: input.asOf ?? defaultAsOf(db) });
      const job = ctx.jobs.start(CLUSTERS_RUN, (control) => clustersInWorker(db, settings, control));
      return { jobId: job.id };
    },
    'clusters.latest': () => latestClustersRun(ctx.session.require().db),
    'clusters.rename': ({ index, name }) => renameCluster(ctx.session.require().db, index, name),
  };
}
