import { compareProfiles, similarAt, type FieldComparison, type FieldName } from './compare';
import type { MatchProfile } from './profile';

/**
 * Fellegi–Sunter probabilities per field: m = P(values agree | same person),
 * u = P(values agree | different people). m reflects how often a real person's
 * value is mistyped or outdated; u is roughly 1 / (number of common values).
 * They are set from what the fields are, not fitted to a data set.
 */
const PROBABILITIES: Readonly<Record<FieldName, { m: number; u: number }>> = {
  firstName: { m: 0.9, u: 0.005 },
  lastName: { m: 0.9, u: 0.002 },
  email: { m: 0.9, u: 0.000_001 },
  phone: { m: 0.9, u: 0.000_01 },
  birthDate: { m: 0.9, u: 0.000_05 },
  streetNumber: { m: 0.85, u: 0.02 },
  address: { m: 0.85, u: 0.001 },
  city: { m: 0.9, u: 0.002 },
  postcode: { m: 0.9, u: 0.001 },
  state: { m: 0.9, u: 0.15 },
  identifier: { m: 0.9, u: 0.000_001 },
};

export interface FieldWeights {
  agree: number;
  disagree: number;
}

const WEIGHTS = Object.fromEntries(
  Object.entries(PROBABILITIES).map(([field, { m, u }]) => [field, { agree: Math.log2(m / u), disagree: Math.log2((1 - m) / (1 - u)) }]),
) as Record<FieldName, FieldWeights>;

export function fieldWeights(field: FieldName): FieldWeights {
  return WEIGHTS[field];
}

/**
 * A comparison's weight in bits of evidence. Partial agreement is interpolated
 * between the disagreement and agreement weights by how far the similarity sits
 * above the field's "similar" threshold (Winkler's adjustment); missing is neutral.
 */
export function comparisonWeight(comparison: FieldComparison): number {
  if (comparison.outcome === 'missing') return 0;
  const { agree, disagree } = WEIGHTS[comparison.field];
  if (comparison.outcome === 'equal') return agree;
  if (comparison.outcome === 'different') return disagree;
  const floor = similarAt(comparison.field);
  const t = floor >= 1 ? 1 : (comparison.similarity - floor) / (1 - floor);
  return disagree + t * (agree - disagree);
}

/**
 * Bits of evidence at which a pair is even odds. Candidate pairs share a blocking
 * key, so the prior is far better than for two random profiles; about 2^-15
 * stands for "one in tens of thousands" — a pair has to agree on several
 * independent fields (name and birth date, or name and full address) to pass.
 */
export const EVEN_ODDS_BITS = 15;

export interface ScoredComparison extends FieldComparison {
  /** Bits of evidence this field added (negative against a match). */
  weight: number;
}

export interface PairScore {
  /** Probability-like score in [0, 1]; 0.5 is even odds. */
  score: number;
  /** Total evidence in bits. */
  weight: number;
  fields: ScoredComparison[];
  namesSwapped: boolean;
}

export function scorePair(a: MatchProfile, b: MatchProfile): PairScore {
  const comparison = compareProfiles(a, b);
  let weight = 0;
  // Built field by field rather than spread: this runs for every candidate pair.
  const fields = comparison.fields.map(({ field, outcome, similarity }): ScoredComparison => {
    const w = comparisonWeight({ field, outcome, similarity });
    weight += w;
    return { field, outcome, similarity, weight: w };
  });
  return { score: 1 / (1 + 2 ** (EVEN_ODDS_BITS - weight)), weight, fields, namesSwapped: comparison.namesSwapped };
}
