import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein';
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import mongeElkan from 'talisman/metrics/monge-elkan';
import type { MatchProfile } from './profile';

export type FieldName =
  'firstName' | 'lastName' | 'email' | 'phone' | 'birthDate' | 'streetNumber' | 'address' | 'city' | 'postcode' | 'state' | 'identifier';

export type Outcome = 'equal' | 'similar' | 'different' | 'missing';

export interface FieldComparison {
  field: FieldName;
  outcome: Outcome;
  /** Similarity in [0, 1]; 0 when a side is missing. */
  similarity: number;
}

/**
 * Similarity of two present values in [0, 1], plus the lowest similarity still
 * counted as "similar". Below it the values are "different".
 */
interface Comparator {
  similarity: (a: string, b: string) => number;
  similarAt: number;
}

/** 1 - edits / length: one typo in an 8-digit date or a 7-digit id is 0.875 / 0.857. */
function editSimilarity(a: string, b: string): number {
  return 1 - damerauLevenshtein(a, b) / Math.max(a.length, b.length);
}

/** Day and month swapped (a classic data-entry slip) counts as one edit. */
function dateSimilarity(a: string, b: string): number {
  if (
    a.length === 8 &&
    b.length === 8 &&
    a.slice(0, 4) === b.slice(0, 4) &&
    a.slice(4, 6) === b.slice(6, 8) &&
    a.slice(6, 8) === b.slice(4, 6)
  ) {
    return 0.875;
  }
  return editSimilarity(a, b);
}

/** Phones compare by their last nine digits, so a national and an international form agree. */
function phoneSimilarity(a: string, b: string): number {
  return editSimilarity(a.slice(-9), b.slice(-9));
}

function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const similarity = jaroWinkler(a, b);
  // Spaces are noise in names ("van der berg" / "vanderberg").
  if (!a.includes(' ') && !b.includes(' ')) return similarity;
  return Math.max(similarity, jaroWinkler(a.replaceAll(' ', ''), b.replaceAll(' ', '')));
}

const COMPARATORS: Readonly<Record<FieldName, Comparator>> = {
  firstName: { similarity: nameSimilarity, similarAt: 0.85 },
  lastName: { similarity: nameSimilarity, similarAt: 0.85 },
  email: { similarity: jaroWinkler, similarAt: 0.95 },
  phone: { similarity: phoneSimilarity, similarAt: 0.85 },
  birthDate: { similarity: dateSimilarity, similarAt: 0.85 },
  streetNumber: { similarity: editSimilarity, similarAt: 0.99 },
  address: { similarity: jaroWinkler, similarAt: 0.85 },
  city: { similarity: jaroWinkler, similarAt: 0.85 },
  postcode: { similarity: editSimilarity, similarAt: 0.75 },
  state: { similarity: (a, b) => (a === b ? 1 : 0), similarAt: 1 },
  identifier: { similarity: editSimilarity, similarAt: 0.85 },
};

export function similarAt(field: FieldName): number {
  return COMPARATORS[field].similarAt;
}

function outcomeOf(field: FieldName, similarity: number): Outcome {
  if (similarity >= 1) return 'equal';
  return similarity >= COMPARATORS[field].similarAt ? 'similar' : 'different';
}

export function compareValues(field: FieldName, a: string, b: string): FieldComparison {
  if (!a || !b) return { field, outcome: 'missing', similarity: 0 };
  const similarity = a === b ? 1 : COMPARATORS[field].similarity(a, b);
  return { field, outcome: outcomeOf(field, similarity), similarity };
}

/** Address lines as token bags: words moved between lines, or lines swapped, still agree. */
export function compareAddress(a: readonly string[], b: readonly string[]): FieldComparison {
  if (a.length === 0 || b.length === 0) return { field: 'address', outcome: 'missing', similarity: 0 };
  if (a.length === b.length && a.every((token, i) => token === b[i])) return { field: 'address', outcome: 'equal', similarity: 1 };
  const similarity = mongeElkan.symmetric(jaroWinkler, a, b);
  return { field: 'address', outcome: outcomeOf('address', similarity), similarity };
}

export interface ProfileComparison {
  fields: FieldComparison[];
  /** First and last name were compared crosswise because they look swapped. */
  namesSwapped: boolean;
}

const SIMPLE_FIELDS: readonly Exclude<FieldName, 'firstName' | 'lastName' | 'address'>[] = [
  'email',
  'phone',
  'birthDate',
  'streetNumber',
  'city',
  'postcode',
  'state',
  'identifier',
];

/** Every field but the address, the one costly comparison (token against token). */
export function compareIdentity(a: MatchProfile, b: MatchProfile): ProfileComparison {
  let first = compareValues('firstName', a.firstName, b.firstName);
  let last = compareValues('lastName', a.lastName, b.lastName);
  let namesSwapped = false;
  if (first.outcome !== 'equal' || last.outcome !== 'equal') {
    const crossFirst = compareValues('firstName', a.firstName, b.lastName);
    const crossLast = compareValues('lastName', a.lastName, b.firstName);
    if (crossFirst.similarity + crossLast.similarity > first.similarity + last.similarity + 0.2) {
      first = crossFirst;
      last = crossLast;
      namesSwapped = true;
    }
  }
  const fields = [first, last];
  for (const field of SIMPLE_FIELDS) fields.push(compareValues(field, a[field], b[field]));
  return { fields, namesSwapped };
}

export function compareProfiles(a: MatchProfile, b: MatchProfile): ProfileComparison {
  const identity = compareIdentity(a, b);
  identity.fields.push(compareAddress(a.addressTokens, b.addressTokens));
  return identity;
}
