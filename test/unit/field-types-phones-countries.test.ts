import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT, parseCountry, parsePhone, type ParseContext } from '../../shared/fields/types';

const inCountry = (defaultCountry?: string): ParseContext => ({ ...DEFAULT_CONTEXT, ...(defaultCountry ? { defaultCountry } : {}) });

describe('parsePhone', () => {
  // [raw, default country, E.164]
  it.each([
    ['+49 151 23456789', 'FR', '+4915123456789'],
    ['0151 23456789', 'DE', '+4915123456789'],
    ['030 1234567', 'DE', '+49301234567'],
    ['0049 30 1234567', 'DE', '+49301234567'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['+33 (0)6 12 34 56 78', undefined, '+33612345678'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['+1 415-555-2671', 'DE', '+14155552671'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['612 345 678', 'ES', '+34612345678'],
    ['347 123 4567', 'IT', '+393471234567'],
    ['912 345 678', 'PT', '+351912345678'],
    ['06 12345678', 'NL', '+31612345678'],
    ['044 668 18 00', 'CH', '+41446681800'],
    ["'+49 151 23456789", undefined, '+4915123456789'],
    ['0151 23456789', 'de', '+4915123456789'],
  ])('%s in %s → %s', (raw, country, e164) => {
    expect(parsePhone(raw, inCountry(country))).toEqual({ ok: true, value: e164, original: raw });
  });

  it.each([
    ['12', 'DE', 'not a valid phone number in DE'],
    ['+49 123', 'DE', 'not a valid phone number in DE'],
    ['0151 23456789', undefined, 'no country code, and the file has no default country'],
    ['call me', 'DE', 'not a phone number'],
    ['+1 555 0100 0000 0000 000', 'US', 'too long for a phone number'],
  ])('rejects %s in %s: %s', (raw, country, reason) => {
    expect(parsePhone(raw, inCountry(country))).toEqual({ ok: false, reason });
  });
});

describe('parseCountry', () => {
  it.each([
    ['DE', 'DE', 'Germany'],
    ['de', 'DE', 'Germany'],
    ['DEU', 'DE', 'Germany'],
    ['fra', 'FR', 'France'],
    ['GB', 'GB', 'United Kingdom'],
    ['USA', 'US', 'United States of America'],
  ])('code %s → %s (%s)', (raw, code, name) => {
    expect(parseCountry(raw, DEFAULT_CONTEXT)).toEqual({ ok: true, value: { code, name }, original: raw });
  });

  // Germany, Spain and Switzerland by name in each language, plus names whose accents or punctuation vary.
  it.each([
    ['en', 'Germany', 'DE'],
    ['de', 'Deutschland', 'DE'],
    ['fr', 'Allemagne', 'DE'],
    ['es', 'Alemania', 'DE'],
    ['it', 'Germania', 'DE'],
    ['pt', 'Alemanha', 'DE'],
    ['nl', 'Duitsland', 'DE'],
    ['en', 'Spain', 'ES'],
    ['de', 'Spanien', 'ES'],
    ['fr', 'Espagne', 'ES'],
    ['es', 'España', 'ES'],
    ['it', 'Spagna', 'ES'],
    ['pt', 'Espanha', 'ES'],
    ['nl', 'Spanje', 'ES'],
    ['en', 'Switzerland', 'CH'],
    ['de', 'Schweiz', 'CH'],
    ['fr', 'Suisse', 'CH'],
    ['es', 'Suiza', 'CH'],
    ['it', 'Svizzera', 'CH'],
    ['pt', 'Suíça', 'CH'],
    ['nl', 'Zwitserland', 'CH'],
    ['fr', 'Royaume-Uni', 'GB'],
    ['de', 'Vereinigte Staaten', 'US'],
    ['es', 'Estados Unidos', 'US'],
    ['nl', 'Verenigd Koninkrijk', 'GB'],
    ['it', 'Paesi Bassi', 'NL'],
    ['en', 'The Netherlands', 'NL'],
    ['de', 'österreich', 'AT'],
    ['fr', 'Cote d’Ivoire', 'CI'],
    ['en', 'U.S.A.', 'US'],
    ['en', 'united kingdom', 'GB'],
    ['es', 'ESPANA', 'ES'],
  ])('%s name %s → %s, name kept', (_language, raw, code) => {
    expect(parseCountry(raw, DEFAULT_CONTEXT)).toEqual({ ok: true, value: { code, name: raw }, original: raw });
  });

  it.each(['Narnia', 'XX', 'ZZZ', 'Europe'])('rejects %s', (raw) => {
    expect(parseCountry(raw, DEFAULT_CONTEXT).ok).toBe(false);
  });
});
