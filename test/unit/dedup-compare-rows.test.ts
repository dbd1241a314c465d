import { describe, expect, it } from 'vitest';
import type { DedupPair, DedupSide } from '../../shared/contract/schemas';
import { compareRows } from '../../shared/dedup/compare-rows';

const side = (id: string, values: Partial<DedupSide['customer']>, updatedAt: string): DedupSide => ({
  customer: {
    id,
    email: null,
    first_name: null,
    last_name: null,
    phone: null,
    birth_date: null,
    gender: null,
    city: null,
    country: null,
    attributes: {},
    ...values,
  },
  orders: 0,
  events: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
  source: null,
});

const pair: DedupPair = {
  id: 1,
  score: 0.99,
  weight: 20,
  explanation: 'phone equal, first name similar 0.85',
  fields: [
    { field: 'phone', label: 'phone', outcome: 'equal', similarity: 1, weight: 10 },
    { field: 'firstName', label: 'first name', outcome: 'similar', similarity: 0.85, weight: 3 },
  ],
  status: 'pending',
  a: side('A', { first_name: 'Jonathan', phone: '+447700900123', city: 'Leeds', attributes: { tier: 'gold' } }, '2026-01-01T00:00:00.000Z'),
  b: side('B', { first_name: 'Jon', phone: '+447700900123', attributes: { tier: 'silver' } }, '2026-05-01T00:00:00.000Z'),
  survivorId: 'A',
};

describe('the review queue comparison', () => {
  it('lines up every filled field with the engine’s outcome and the side a merge keeps', () => {
    const rows = Object.fromEntries(compareRows(pair, 'A', undefined, new Map([['tier', 'Loyalty Tier']])).map((r) => [r.key, r]));
    expect(Object.keys(rows)).toEqual(['first_name', 'phone', 'city', 'tier']);
    expect(rows.first_name).toMatchObject({ agreement: 'similar', keeps: 'a', reason: 'most complete' });
    expect(rows.phone).toMatchObject({ agreement: 'equal', keeps: 'a', reason: 'same value' });
    expect(rows.city).toMatchObject({ agreement: 'missing', keeps: 'a', reason: 'the only value' });
    // Not compared by the engine: plain equality; the newer record's value wins by default.
    expect(rows.tier).toMatchObject({ label: 'Loyalty Tier', agreement: 'different', keeps: 'b', reason: 'most recent' });
  });
});
