/**
 * The lines of two texts that differ, found by a longest-common-subsequence
 * alignment (emails are at most a few hundred lines of visible text), with
 * neighbouring changed lines grouped: one difference per changed passage.
 */
export interface TextDifference {
  expected: string;
  actual: string;
}

export function differingLines(expected: readonly string[], actual: readonly string[]): TextDifference[] {
  const n = expected.length;
  const m = actual.length;
  // lengths[i][j]: LCS length of expected[i..] and actual[j..].
  const lengths: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lengths[i] as number[];
    const below = lengths[i + 1] as number[];
    for (let j = m - 1; j >= 0; j--) {
      row[j] = expected[i] === actual[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const differences: TextDifference[] = [];
  let pending: { expected: string[]; actual: string[] } = { expected: [], actual: [] };
  const flush = (): void => {
    if (pending.expected.length || pending.actual.length)
      differences.push({ expected: pending.expected.join('\n'), actual: pending.actual.join('\n') });
    pending = { expected: [], actual: [] };
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || (lengths[i] as number[])[j + 1]! >= (lengths[i + 1] as number[])[j]!)) {
      pending.actual.push(actual[j] as string);
      j++;
    } else {
      pending.expected.push(expected[i] as string);
      i++;
    }
  }
  flush();
  return differences;
}
