import type { DedupProfile, MatchProfile } from './profile';

export interface NormaliseOptions {
  /** Treat Gmail addresses that differ only by dots or a +tag in the local part as the same address. */
  gmailCanonical?: boolean;
}

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const APOSTROPHES = /['’`]/g;

/** Lower case, accents removed, punctuation to single spaces: "Zoë O'Brien-Smith" → "zoe obrien smith". */
export function normaliseText(value: string | undefined): string {
  if (!value) return '';
  return value.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, '').replace(NOT_WORD, ' ').trim();
}

/** A name: normalised text. Apostrophes vanish (O'Brien = OBrien) and hyphens split. */
export const normaliseName = normaliseText;

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function normaliseEmail(value: string | undefined, options: NormaliseOptions = {}): string {
  const email = (value ?? '').trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at <= 0) return email;
  if (!options.gmailCanonical) return email;
  const domain = email.slice(at + 1);
  if (!GMAIL_DOMAINS.has(domain)) return email;
  const local = email.slice(0, at).split('+')[0]!.replaceAll('.', '');
  return `${local}@gmail.com`;
}

/** Digits only, so "+44 (0)20 7946-0018" and "442079460018" can be compared by their trailing digits. */
export function normalisePhone(value: string | undefined): string {
  return (value ?? '').replace(/\D+/g, '');
}

export function normalisePostcode(value: string | undefined): string {
  return (value ?? '').toUpperCase().replace(/[^A-Z0-9]+/g, '');
}

/** Generic identifiers compare without case, spaces or separators. */
export const normaliseIdentifier = normalisePostcode;

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;

/**
 * A birth date as YYYYMMDD. YYYY-MM-DD (with any of - / . and an optional time) is
 * re-padded; anything else keeps its digits, so a mistyped date still compares
 * digit by digit with the right one.
 */
export function normaliseBirthDate(value: string | undefined): string {
  const text = (value ?? '').trim();
  const iso = ISO_DATE.exec(text);
  if (iso) return `${iso[1]}${iso[2]!.padStart(2, '0')}${iso[3]!.padStart(2, '0')}`;
  return text.replace(/\D+/g, '');
}

/** Common English street-type words and their postal abbreviations, reduced to one form. */
const STREET_WORDS: Readonly<Record<string, string>> = {
  street: 'st',
  road: 'rd',
  avenue: 'ave',
  av: 'ave',
  place: 'pl',
  crescent: 'cres',
  court: 'ct',
  drive: 'dr',
  circuit: 'cct',
  close: 'cl',
  lane: 'ln',
  terrace: 'tce',
  highway: 'hwy',
  parade: 'pde',
  boulevard: 'blvd',
  square: 'sq',
  grove: 'gr',
  way: 'wy',
  apartment: 'apt',
  flat: 'flt',
  unit: 'u',
};

export function addressTokens(lines: readonly (string | undefined)[] | undefined): string[] {
  const tokens: string[] = [];
  for (const line of lines ?? []) {
    for (const token of normaliseText(line).split(' ')) if (token) tokens.push(STREET_WORDS[token] ?? token);
  }
  return tokens;
}

export function normaliseProfile(profile: DedupProfile, options: NormaliseOptions = {}): MatchProfile {
  return {
    id: profile.id,
    firstName: normaliseName(profile.firstName),
    lastName: normaliseName(profile.lastName),
    email: normaliseEmail(profile.email, options),
    phone: normalisePhone(profile.phone),
    birthDate: normaliseBirthDate(profile.birthDate),
    streetNumber: normaliseIdentifier(profile.streetNumber),
    addressTokens: addressTokens(profile.addressLines),
    city: normaliseText(profile.city),
    postcode: normalisePostcode(profile.postcode),
    state: normaliseText(profile.state),
    identifier: normaliseIdentifier(profile.identifier),
  };
}
