export interface PairQuality {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

function pairKeys(groups: Iterable<readonly string[]>): Set<string> {
  const keys = new Set<string>();
  for (const group of groups) {
    const ids = [...group].sort();
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) keys.add(`${ids[x]}\u0000${ids[y]}`);
  }
  return keys;
}

/**
 * Pairwise precision, recall and F1 of predicted clusters against true entities:
 * every unordered pair inside a cluster is a predicted match, so a wrong link
 * that merges two big clusters costs every pair it creates.
 */
export function pairQuality(predicted: Iterable<readonly string[]>, truth: Iterable<readonly string[]>): PairQuality {
  const predictedPairs = pairKeys(predicted);
  const truePairs = pairKeys(truth);
  let truePositives = 0;
  for (const key of predictedPairs) if (truePairs.has(key)) truePositives++;
  const falsePositives = predictedPairs.size - truePositives;
  const falseNegatives = truePairs.size - truePositives;
  const precision = predictedPairs.size === 0 ? 1 : truePositives / predictedPairs.size;
  const recall = truePairs.size === 0 ? 1 : truePositives / truePairs.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}
