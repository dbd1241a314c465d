import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein';

/**
 * The known name closest to what was typed, when it is close enough to be a
 * typo: case is ignored (`Firstname` → `first_name`'s alias), underscores
 * count as letters, and at most a third of the word may differ (at least 1,
 * at most 3 edits). Ties go to the earlier candidate, so callers list the
 * canonical spellings first.
 */
export function didYouMean(typed: string, candidates: readonly string[]): string | null {
  const needle = typed.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === typed) return null;
    const lower = candidate.toLowerCase();
    const distance = lower === needle ? 0.5 : damerauLevenshtein(needle, lower);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Without underscores they may match a differently spelled alias (`firstname` → `first_name`).
  if (best === null) {
    const squashed = needle.replace(/_/g, '');
    best = candidates.find((candidate) => candidate.toLowerCase().replace(/_/g, '') === squashed) ?? null;
  }
  return best;
}
