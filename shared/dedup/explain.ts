import type { FieldName } from './compare';
import type { PairScore } from './score';

const LABELS: Readonly<Record<FieldName, string>> = {
  firstName: 'first name',
  lastName: 'surname',
  email: 'email',
  phone: 'phone',
  birthDate: 'date of birth',
  streetNumber: 'street number',
  address: 'address',
  city: 'city',
  postcode: 'postcode',
  state: 'state',
  identifier: 'identifier',
};

export function fieldLabel(field: FieldName): string {
  return LABELS[field];
}

/**
 * One line a reviewer can read: "surname similar 0.94, date of birth equal, postcode different".
 * Agreements come first, strongest evidence first; fields missing on either side are left out.
 */
export function explainPair(pair: PairScore): string {
  const present = pair.fields.filter((f) => f.outcome !== 'missing').sort((x, y) => y.weight - x.weight);
  const parts = present.map((f) => {
    const label = LABELS[f.field];
    return f.outcome === 'similar' ? `${label} similar ${f.similarity.toFixed(2)}` : `${label} ${f.outcome}`;
  });
  if (pair.namesSwapped) parts.unshift('first name and surname swapped');
  return parts.join(', ');
}
