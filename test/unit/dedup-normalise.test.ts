import { describe, expect, it } from 'vitest';
import {
  addressTokens,
  normaliseBirthDate,
  normaliseEmail,
  normaliseName,
  normalisePhone,
  normalisePostcode,
  normaliseProfile,
} from '../../shared/dedup/normalise';

describe('dedup normalisation', () => {
  it('folds case, accents and punctuation in names', () => {
    expect(normaliseName('  Zoë  ')).toBe('zoe');
    expect(normaliseName("O'Brien")).toBe('obrien');
    expect(normaliseName('Smith-JONES')).toBe('smith jones');
    expect(normaliseName('Łukasiewicz')).toBe('łukasiewicz');
    expect(normaliseName('François-Xavier')).toBe('francois xavier');
    expect(normaliseName(undefined)).toBe('');
  });

  it('lowercases and trims email; Gmail dots and +tags only when asked', () => {
    expect(normaliseEmail('  Ana.Lopez+news@GMail.com ')).toBe('ana.lopez+news@gmail.com');
    expect(normaliseEmail('Ana.Lopez+news@GMail.com', { gmailCanonical: true })).toBe('analopez@gmail.com');
    expect(normaliseEmail('ana.lopez@googlemail.com', { gmailCanonical: true })).toBe('analopez@gmail.com');
    expect(normaliseEmail('ana.lopez+x@example.com', { gmailCanonical: true })).toBe('ana.lopez+x@example.com');
  });

  it('keeps only phone digits and compact postcodes', () => {
    expect(normalisePhone('+44 (0)20 7946-0018')).toBe('4402079460018');
    expect(normalisePostcode(' sw1a 1aa ')).toBe('SW1A1AA');
    expect(normalisePostcode('2615')).toBe('2615');
  });

  it('reads birth dates as YYYYMMDD from either form, keeping malformed digits', () => {
    expect(normaliseBirthDate('1990-03-05')).toBe('19900305');
    expect(normaliseBirthDate('1990-3-5')).toBe('19900305');
    expect(normaliseBirthDate('19900305')).toBe('19900305');
    expect(normaliseBirthDate('1990-03-05T00:00:00Z')).toBe('19900305');
    expect(normaliseBirthDate('199o0305')).toBe('1990305');
    expect(normaliseBirthDate('')).toBe('');
  });

  it('tokenises address lines with street types reduced to one form', () => {
    expect(addressTokens(['12 Lea Place', 'Anstee Court'])).toEqual(['12', 'lea', 'pl', 'anstee', 'ct']);
    expect(addressTokens(['lea pl', undefined, ''])).toEqual(['lea', 'pl']);
  });

  it('normalises a whole profile, missing fields as empty strings', () => {
    const p = normaliseProfile({ id: 'C1', firstName: 'Émile', lastName: 'Zola', birthDate: '1840-04-02' });
    expect(p).toMatchObject({ id: 'C1', firstName: 'emile', lastName: 'zola', birthDate: '18400402', email: '', postcode: '' });
    expect(p.addressTokens).toEqual([]);
  });
});
