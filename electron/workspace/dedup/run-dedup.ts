import type { DedupCluster, DedupRunReport } from '../../../shared/contract/schemas';
import { clusterById } from '../../../shared/dedup/cluster';
import { findDuplicates, type ScoredPair } from '../../../shared/dedup/find-duplicates';
import { pickSurvivor } from '../../../shared/dedup/survivorship';
import type { Db } from '../db';
import { getMerge, mergeCustomers } from './merge';
import { distinctPairKeys, pairKey, storePairs } from './pairs-repo';
import { readProfiles } from './read-profiles';
import { readSurvivorship } from './settings';

export interface DedupRunOptions {
  /** Pairs at or above this go to the review queue. */
  minScore: number;
  /** Clusters linked by pairs at or above this are merged at once; null leaves everything to review. */
  autoMergeAbove: number | null;
  onProgress?: (done: number, total: number) => void;
}

const round = (score: number): number => Number(score.toFixed(4));

function clusterDocument(cluster: { ids: string[]; pairs: ScoredPair[] }): DedupCluster {
  return { ids: cluster.ids, pairs: cluster.pairs.map((p) => ({ a: p.a, b: p.b, score: round(p.score), explanation: p.explanation })) };
}

/**
 * One dedup run: score every candidate pair, drop those a reviewer called
 * different people, store the rest for review, and (with auto-merge) merge each
 * cluster linked above the threshold into its oldest record. Comparing happens
 * outside any transaction; everything it writes is one transaction, so a run
 * stopped midway changes nothing.
 */
export function runDedup(db: Db, options: DedupRunOptions): DedupRunReport {
  const profiles = readProfiles(db);
  const found = findDuplicates(profiles, { threshold: options.minScore, onProgress: options.onProgress });
  const distinct = distinctPairKeys(db);
  const matches = found.matches.filter((pair) => !distinct.has(pairKey(pair.a, pair.b)));
  const clusters = clusterById(matches);
  const rules = readSurvivorship(db);

  const mergeIds = db
    .transaction(() => {
      const pairIds = storePairs(db, matches);
      if (options.autoMergeAbove === null) return [];
      const threshold = options.autoMergeAbove;
      const created = db.prepare('SELECT created_at FROM customers WHERE id = ?').pluck();
      const ids: number[] = [];
      for (const cluster of clusterById(matches.filter((pair) => pair.score >= threshold))) {
        // A customer merged by hand while this run compared is gone: its cluster merges without it.
        const present = cluster.ids.flatMap((id) => {
          const createdAt = created.get(id) as string | undefined;
          return createdAt === undefined ? [] : [{ id, createdAt }];
        });
        if (present.length < 2) continue;
        const survivor = pickSurvivor(present).id;
        for (const { id: member } of present) {
          if (member === survivor) continue;
          // The pair the merge rests on: the member's own pair with the survivor, else its best link into the cluster.
          const touches = (pair: ScoredPair, id: string) => pair.a === id || pair.b === id;
          const direct = cluster.pairs.find((pair) => touches(pair, member) && touches(pair, survivor));
          const link = direct ?? cluster.pairs.find((pair) => touches(pair, member));
          if (!link) continue;
          ids.push(
            mergeCustomers(db, {
              survivorId: survivor,
              mergedId: member,
              pairId: direct ? (pairIds.get(pairKey(link.a, link.b)) ?? null) : null,
              score: link.score,
              automatic: true,
              rules,
            }),
          );
        }
      }
      return ids;
    })
    .immediate();

  const merges = mergeIds.map((id) => getMerge(db, id));
  const pairs = reviewable(db);
  return {
    status: 'succeeded',
    message:
      merges.length > 0
        ? `Merged ${merges.length} duplicate${merges.length === 1 ? '' : 's'} automatically; ${pairs} pair${pairs === 1 ? '' : 's'} left to review.`
        : null,
    customers: profiles.length,
    compared: found.compared,
    pairs,
    minScore: options.minScore,
    autoMergeAbove: options.autoMergeAbove,
    clusters: clusters.map(clusterDocument),
    merges,
  };
}

function reviewable(db: Db): number {
  return db
    .prepare(
      `SELECT count(*) FROM dedup_pairs p JOIN customers ca ON ca.id = p.a JOIN customers cb ON cb.id = p.b WHERE p.status IN ('pending', 'skipped')`,
    )
    .pluck()
    .get() as number;
}
