import { describe, expect, it } from 'vitest';
import { compileRule, RuleError } from '../../shared/segments/compile-sql';
import { openDatabase, nowIso } from '../../electron/workspace/db';
import { countMatching } from '../../electron/workspace/segments-repo';
import type { SegmentRule } from '../../shared/segments/rule';
import { tempDir } from '../support/temp';
import path from 'node:path';

function workspace() {
  const db = openDatabase(path.join(tempDir(), 'w.tailor'), { create: true });
  const insert = db.prepare(
    'INSERT INTO customers (id, email, first_name, country, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const now = nowIso();
  insert.run('C1', 'ana@example.com', 'Ana', 'PL', JSON.stringify({ loyalty_tier: 'Gold', lifetime_value: '1500.50' }), now, now);
  insert.run('C2', 'bo@example.com', 'Bo', 'SE', JSON.stringify({ loyalty_tier: 'Silver', lifetime_value: '99' }), now, now);
  insert.run('C3', 'cy@example.com', null, 'pl', JSON.stringify({ loyalty_tier: 'gold' }), now, now);
  db.prepare('INSERT INTO customer_fields (key, label, created_at) VALUES (?, ?, ?), (?, ?, ?)').run(
    'loyalty_tier',
    'Loyalty Tier',
    now,
    'lifetime_value',
    'Lifetime Value',
    now,
  );
  return db;
}

const rule = (...conditions: SegmentRule['conditions']): SegmentRule => ({ match: 'all', conditions });

describe('segment rules compile to parameterised SQL', () => {
  it('never puts values into the SQL text', () => {
    const evil = "x' OR 1=1; DROP TABLE customers; --";
    const compiled = compileRule(rule({ field: 'loyalty_tier', op: 'equals', value: evil }), new Set(['loyalty_tier']));
    expect(compiled.where).not.toContain('DROP');
    expect(compiled.params).toContain(evil);
  });

  it('rejects unknown fields instead of building SQL from them', () => {
    expect(() => compileRule(rule({ field: 'email) OR (1', op: 'equals', value: 'x' }), new Set())).toThrow(RuleError);
  });

  it('counts members with AND semantics, case-insensitive text and numeric comparisons', () => {
    const db = workspace();
    expect(countMatching(db, rule())).toBe(3);
    expect(countMatching(db, rule({ field: 'loyalty_tier', op: 'equals', value: 'GOLD' }))).toBe(2);
    expect(
      countMatching(db, rule({ field: 'country', op: 'equals', value: 'pl' }, { field: 'first_name', op: 'is_not_empty', value: '' })),
    ).toBe(1);
    expect(countMatching(db, rule({ field: 'lifetime_value', op: 'gt', value: '1000' }))).toBe(1);
    expect(countMatching(db, rule({ field: 'lifetime_value', op: 'lte', value: '1000' }))).toBe(1);
    expect(countMatching(db, rule({ field: 'email', op: 'contains', value: 'EXAMPLE' }))).toBe(3);
    expect(countMatching(db, rule({ field: 'email', op: 'starts_with', value: 'bo@' }))).toBe(1);
    expect(countMatching(db, rule({ field: 'first_name', op: 'is_empty', value: '' }))).toBe(1);
    expect(countMatching(db, rule({ field: 'loyalty_tier', op: 'not_equals', value: 'gold' }))).toBe(1);
    expect(countMatching(db, rule({ field: 'email', op: 'equals', value: "x' OR '1'='1" }))).toBe(0);
    db.close();
  });
});
