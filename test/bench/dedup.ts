import { findDuplicates } from '../../shared/dedup/find-duplicates';
import { pairQuality } from '../../shared/dedup/evaluate';
import { loadFebrl } from './dedup-febrl';

/**
 * De-duplication quality and speed on the FEBRL sets at default settings:
 * pairwise precision, recall and F1 of the clusters against the true entities,
 * and candidate pairs compared per second (blocking, scoring and clustering).
 */
export function benchDedup(): void {
  for (const file of ['dataset1.csv', 'dataset2.csv']) {
    const { profiles, entities } = loadFebrl(file);
    findDuplicates(profiles); // warm-up, so the figure is not the JIT compiling
    const start = performance.now();
    const result = findDuplicates(profiles);
    const ms = performance.now() - start;
    const q = pairQuality(
      result.clusters.map((c) => c.ids),
      entities,
    );
    console.log(
      `${'dedup'.padEnd(18)} ${`${file} (${profiles.length})`.padEnd(22)} precision ${q.precision.toFixed(4)}  recall ${q.recall.toFixed(4)}  F1 ${q.f1.toFixed(4)}  ` +
        `(${q.falsePositives} false, ${q.falseNegatives} missed)  ${result.compared} pairs in ${ms.toFixed(0)} ms = ${Math.round(result.compared / (ms / 1000)).toLocaleString('en-US')} pairs/s`,
    );
  }
}

if (process.argv[1]?.endsWith('dedup.ts')) benchDedup();
