/**
 * What de-duplication looks at. Callers map their own records (workspace customers,
 * a FEBRL file) to `DedupProfile`; every field is optional text as it came in.
 */
export interface DedupProfile {
  id: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  /** YYYYMMDD or YYYY-MM-DD; anything else is kept as its digits and compared as text. */
  birthDate?: string | undefined;
  streetNumber?: string | undefined;
  /** Street and extra address lines, in any order (lines swapped between exports still match). */
  addressLines?: readonly (string | undefined)[] | undefined;
  city?: string | undefined;
  postcode?: string | undefined;
  state?: string | undefined;
  /** A personal identifier that should be unique per person (national id, loyalty card, external id). */
  identifier?: string | undefined;
}

/** A profile after normalisation: empty strings mean "missing". */
export interface MatchProfile {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  birthDate: string;
  streetNumber: string;
  /** Address tokens from every address line, street types expanded. */
  addressTokens: readonly string[];
  city: string;
  postcode: string;
  state: string;
  identifier: string;
}
