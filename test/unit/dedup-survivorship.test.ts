import { describe, expect, it } from 'vitest';
import {
  chooseValues,
  DEFAULT_SURVIVORSHIP,
  pickSurvivor,
  type SurvivorRecord,
  type SurvivorshipConfig,
} from '../../shared/dedup/survivorship';

const older: SurvivorRecord = {
  id: 'C-1',
  updatedAt: '2026-01-01T00:00:00.000Z',
  source: 'crm.csv',
  values: { first_name: 'Jonathan', email: 'jonathan@old.example', phone: null, city: 'Leeds', tier: 'gold' },
};
const newer: SurvivorRecord = {
  id: 'C-2',
  updatedAt: '2026-06-01T00:00:00.000Z',
  source: 'shop.csv',
  values: { first_name: 'Jon', email: 'jon@new.example', phone: '+44 7700 900123', city: '  ', tier: 'gold' },
};

const kept = (config: SurvivorshipConfig) =>
  Object.fromEntries(chooseValues(older, newer, config).map((c) => [c.field, [c.value, c.from, c.reason]]));

describe('survivorship', () => {
  it('by default keeps the most recent value, the fullest name, and never lets a blank win', () => {
    expect(kept(DEFAULT_SURVIVORSHIP)).toEqual({
      first_name: ['Jonathan', 'C-1', 'most_complete'],
      email: ['jon@new.example', 'C-2', 'most_recent'],
      phone: ['+44 7700 900123', 'C-2', 'only_value'],
      city: ['Leeds', 'C-1', 'only_value'],
      tier: ['gold', 'C-1', 'same'],
    });
  });

  it('most_complete keeps the longer value, most_recent the newer one, whoever survives', () => {
    const complete = kept({ default: 'most_complete', fields: {}, preferredSources: [] });
    expect(complete.email).toEqual(['jonathan@old.example', 'C-1', 'most_complete']);
    const recent = kept({ default: 'most_recent', fields: {}, preferredSources: [] });
    expect(recent.first_name).toEqual(['Jon', 'C-2', 'most_recent']);
    const swapped = Object.fromEntries(
      chooseValues(newer, older, { default: 'most_recent', fields: {}, preferredSources: [] }).map((c) => [c.field, c.from]),
    );
    expect(swapped.first_name).toBe('C-2');
  });

  it('preferred_source keeps the value from the file listed first, and falls back to most recent for other files', () => {
    const crmFirst = kept({ default: 'preferred_source', fields: {}, preferredSources: ['crm.csv', 'shop.csv'] });
    expect(crmFirst.email).toEqual(['jonathan@old.example', 'C-1', 'preferred_source']);
    const shopFirst = kept({ default: 'preferred_source', fields: {}, preferredSources: ['shop.csv'] });
    expect(shopFirst.first_name).toEqual(['Jon', 'C-2', 'preferred_source']);
    const unknown = kept({ default: 'preferred_source', fields: {}, preferredSources: ['elsewhere.csv'] });
    expect(unknown.email).toEqual(['jon@new.example', 'C-2', 'preferred_source']);
  });

  it('a per-field rule overrides the default', () => {
    const config: SurvivorshipConfig = { default: 'most_recent', fields: { email: 'most_complete' }, preferredSources: [] };
    expect(kept(config).email?.[1]).toBe('C-1');
    expect(kept(config).first_name?.[1]).toBe('C-2');
  });

  it('the oldest record survives, then the smallest id', () => {
    expect(
      pickSurvivor([
        { id: 'B', createdAt: '2026-02' },
        { id: 'A', createdAt: '2026-03' },
      ]).id,
    ).toBe('B');
    expect(
      pickSurvivor([
        { id: 'B', createdAt: '2026-02' },
        { id: 'A', createdAt: '2026-02' },
      ]).id,
    ).toBe('A');
  });
});
