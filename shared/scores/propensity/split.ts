import { shuffle } from 'simple-statistics';

/**
 * A seeded train / holdout split: the same customers and seed always give
 * the same split, so a reported AUC can be reproduced.
 */

/**
 * mulberry32, a tiny 32-bit generator, as the random source simple-statistics'
 * shuffle accepts (no seeded generator is a direct dependency).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Indices 0..n−1 split into train and holdout (a `holdoutShare` of them), in ascending order each. */
export function splitIndices(n: number, holdoutShare: number, seed: number): { train: number[]; holdout: number[] } {
  const order = shuffle(
    Array.from({ length: n }, (_, i) => i),
    seededRandom(seed),
  );
  const holdoutSize = Math.round(n * holdoutShare);
  return { holdout: order.slice(0, holdoutSize).sort((a, b) => a - b), train: order.slice(holdoutSize).sort((a, b) => a - b) };
}
