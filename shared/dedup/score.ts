import { compareAddress, compareIdentity, compareProfiles, similarAt, type FieldComparison, type FieldName } from './compare';
import type { MatchProfile } from './profile';

/**
 * Fellegi–Sunter probabilities per field and agreement level: m = P(level | same
 * person), u = P(level | different people), for "equal" and "similar"; the rest
 * of each is "different". m reflects how often a person's value is mistyped,
 * outdated or simply another one (people keep several emails and phones, so a
 * different email says little); u is roughly 1 / (number of common values).
 * They are set from what the fields are, not fitted to a data set.
 */
const PROBABILITIES: Readonly<Record<FieldName, { m: readonly [number, number]; u: readonly [number, number] }>> = {
  firstName: { m: [0.85, 0.1], u: [0.005, 0.02] },
  lastName: { m: [0.85, 0.1], u: [0.002, 0.01] },
  email: { m: [0.6, 0.05], u: [0.000_001, 0.000_1] },
  phone: { m: [0.6, 0.1], u: [0.000_01, 0.000_1] },
  birthDate: { m: [0.85, 0.1], u: [0.000_05, 0.000_5] },
  streetNumber: { m: [0.85, 0.05], u: [0.02, 0.02] },
  address: { m: [0.8, 0.12], u: [0.001, 0.01] },
  city: { m: [0.85, 0.1], u: [0.002, 0.01] },
  postcode: { m: [0.85, 0.1], u: [0.001, 0.01] },
  state: { m: [0.9, 0], u: [0.15, 0] },
  identifier: { m: [0.85, 0.1], u: [0.000_001, 0.000_01] },
};

export interface FieldWeights {
  equal: number;
  /** At the field's "similar" threshold; rises towards `equal` as similarity does. */
  similar: number;
  different: number;
}

const WEIGHTS = Object.fromEntries(
  Object.entries(PROBABILITIES).map(([field, { m, u }]) => [
    field,
    {
      equal: Math.log2(m[0] / u[0]),
      similar: m[1] > 0 ? Math.log2(m[1] / u[1]) : 0,
      different: Math.log2((1 - m[0] - m[1]) / (1 - u[0] - u[1])),
    },
  ]),
) as Record<FieldName, FieldWeights>;

export function fieldWeights(field: FieldName): FieldWeights {
  return WEIGHTS[field];
}

/**
 * A comparison's weight in bits of evidence. A similar value's weight rises from
 * the "similar" level at the field's threshold to the "equal" level at identity
 * (Winkler's adjustment for partial agreement); missing is neutral.
 */
export function comparisonWeight(comparison: FieldComparison): number {
  if (comparison.outcome === 'missing') return 0;
  const weights = WEIGHTS[comparison.field];
  if (comparison.outcome === 'equal') return weights.equal;
  if (comparison.outcome === 'different') return weights.different;
  const floor = similarAt(comparison.field);
  const t = floor >= 1 ? 1 : (comparison.similarity - floor) / (1 - floor);
  return weights.similar + t * (weights.equal - weights.similar);
}

/** Where someone lives: fields that agree together far more often than independence predicts. */
const LOCATION: ReadonlySet<FieldName> = new Set(['streetNumber', 'address', 'city', 'postcode', 'state']);

/**
 * The most a shared home counts, in bits: about what a shared surname does.
 * Location fields are not independent (a street implies its
 * postcode, city and state), and people who share a home are often different
 * people, so summing their weights would let a household merge into one person:
 * with the cap, the same surname and address with another first name and birth
 * date stays below even odds.
 */
export const LOCATION_CAP_BITS = 10;

/**
 * Bits of evidence at which a pair is even odds, i.e. minus the log prior odds
 * that two profiles are the same person. Among n profiles with a few duplicates
 * each, that prior is about 1 / n, so the bar rises with log2(n): two customers
 * called Ana Lopez are likely one person in a list of a thousand, not in a list
 * of a million. Below 4,096 profiles the bar stays at 12 bits, so a pair always
 * needs several independent agreements (name and birth date, or name and home).
 */
export const MIN_EVEN_ODDS_BITS = 12;

export function evenOddsBits(profileCount: number): number {
  return Math.max(MIN_EVEN_ODDS_BITS, Math.log2(Math.max(1, profileCount)));
}

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

function scored({ field, outcome, similarity }: FieldComparison): ScoredComparison {
  return { field, outcome, similarity, weight: comparisonWeight({ field, outcome, similarity }) };
}

/** Total bits with location agreement capped; scales each location weight so the fields still add up. */
function capLocation(fields: ScoredComparison[]): number {
  let weight = 0;
  let location = 0;
  for (const f of fields) {
    weight += f.weight;
    if (f.weight > 0 && LOCATION.has(f.field)) location += f.weight;
  }
  if (location <= LOCATION_CAP_BITS) return weight;
  const scale = LOCATION_CAP_BITS / location;
  for (const f of fields) if (f.weight > 0 && LOCATION.has(f.field)) f.weight *= scale;
  return weight - (location - LOCATION_CAP_BITS);
}

/**
 * The pair's score, or undefined when it cannot reach `minWeight` bits: the
 * address (token against token, the costly comparison) is compared last and
 * only if its best case could still lift the pair over the bar. Most candidate
 * pairs are clear non-matches, so this halves the work on large sets.
 */
export function scorePairAbove(a: MatchProfile, b: MatchProfile, evenOdds: number, minWeight: number): PairScore | undefined {
  const comparison = compareIdentity(a, b);
  const fields = comparison.fields.map(scored);
  let known = 0;
  let location = 0;
  for (const f of fields) {
    known += f.weight;
    if (f.weight > 0 && LOCATION.has(f.field)) location += f.weight;
  }
  const cappedKnown = known - Math.max(0, location - LOCATION_CAP_BITS);
  const addressBest = Math.max(0, Math.min(WEIGHTS.address.equal, LOCATION_CAP_BITS - location));
  if (cappedKnown + addressBest < minWeight) return undefined;
  fields.push(scored(compareAddress(a.addressTokens, b.addressTokens)));
  const weight = capLocation(fields);
  if (weight < minWeight) return undefined;
  return { score: 1 / (1 + 2 ** (evenOdds - weight)), weight, fields, namesSwapped: comparison.namesSwapped };
}

/** `evenOdds`: see evenOddsBits; pass the bar for the size of the set the pair comes from. */
export function scorePair(a: MatchProfile, b: MatchProfile, evenOdds: number = MIN_EVEN_ODDS_BITS): PairScore {
  const comparison = compareProfiles(a, b);
  const fields = comparison.fields.map(scored);
  const weight = capLocation(fields);
  return { score: 1 / (1 + 2 ** (evenOdds - weight)), weight, fields, namesSwapped: comparison.namesSwapped };
}

/** Bits a pair needs to score at least `threshold` when even odds sit at `evenOdds` bits. */
export function bitsForScore(threshold: number, evenOdds: number): number {
  if (threshold <= 0) return -Infinity;
  if (threshold >= 1) return Infinity;
  return evenOdds + Math.log2(threshold / (1 - threshold));
}
