/**
 * How good a probability is: rank-based AUC and a calibration table. Pure,
 * so the UI, the CLI and the tests read the same numbers.
 */

/**
 * Area under the ROC curve as the Mann–Whitney statistic: the probability
 * that a random positive scores above a random negative, ties counting half
 * (average ranks). Null when one class is missing.
 */
export function rocAuc(scores: readonly number[], labels: readonly (0 | 1)[]): number | null {
  const order = scores.map((_, i) => i).sort((i, j) => scores[i]! - scores[j]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]!] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface CalibrationBin {
  /** Mean predicted probability of the customers in this bin. */
  predicted: number;
  /** Share of them who did buy. */
  observed: number;
  count: number;
}

/**
 * Calibration by quantile of the prediction (deciles by default): customers
 * sorted by predicted probability, cut into `bins` groups of (nearly) equal
 * size; a well-calibrated model has observed ≈ predicted in each.
 */
export function calibrationBins(scores: readonly number[], labels: readonly (0 | 1)[], bins = 10): CalibrationBin[] {
  const order = scores.map((_, i) => i).sort((i, j) => scores[i]! - scores[j]!);
  const groups = Math.min(bins, order.length);
  const out: CalibrationBin[] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * order.length) / groups);
    const to = Math.floor(((g + 1) * order.length) / groups);
    let predicted = 0;
    let observed = 0;
    for (let k = from; k < to; k++) {
      predicted += scores[order[k]!]!;
      observed += labels[order[k]!]!;
    }
    const count = to - from;
    if (count > 0) out.push({ predicted: predicted / count, observed: observed / count, count });
  }
  return out;
}
