import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../shared/contract/schemas';
import { openDatabase } from '../../electron/workspace/db';
import { FieldStatsTally } from '../../electron/workspace/import/customers/stats-tally';
import { TypingTally } from '../../electron/workspace/import/customers/typing-tally';
import type { DetectPlan } from '../../electron/workspace/import/detect-ahead';
import { tempDir } from '../support/temp';

const MAPPING: ColumnMapping[] = [
  { header: 'Email', key: 'email', kind: 'canonical' },
  { header: 'Score', key: 'score', kind: 'custom' },
];

const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ email: `u${i}@example.com`, attributes: { score: String(i) } }));

describe('typing tallied while staging', () => {
  it('holds what the columns said, and asks the parse thread to read the detected column once the locale is known', () => {
    const db = openDatabase(path.join(tempDir(), 'w.tailor'), { create: true });
    const plans: DetectPlan[] = [];
    const tally = new TypingTally(db, MAPPING, (plan) => plans.push(plan));
    for (const staged of rows(199)) tally.add(staged);
    expect(plans).toEqual([]);
    for (const staged of rows(51)) tally.add(staged);
    expect(plans).toHaveLength(1);
    const score = plans[0]?.columns.find((column) => column.index === 1);
    expect(score).toMatchObject({ header: 'Score' });
    const evidence = tally.finish();
    expect(evidence?.filled.has('score')).toBe(true);
    expect(evidence?.columns.find((column) => column.key === 'score')?.detector?.result().type).toBe('number');
    db.close();
  });

  it('gives way to a second pass when the catalogue changed while rows were staged', () => {
    const db = openDatabase(path.join(tempDir(), 'w.tailor'), { create: true });
    const tally = new TypingTally(db, MAPPING);
    for (const staged of rows(250)) tally.add(staged);
    // Another writer typed the field meanwhile (a retype job, say): its values are read differently now.
    db.prepare(
      `INSERT INTO customer_fields (key, label, created_at, type, locale) VALUES ('score', 'Score', '2026-01-01', 'number', ?)`,
    ).run(JSON.stringify({ decimalSeparator: ',', thousandsSeparator: '.', dateOrder: 'day-first' }));
    expect(tally.finish()).toBeNull();
    db.close();
  });
});

describe('field statistics tallied while staging', () => {
  it('picks the smallest value as SQLite orders text (UTF-8 bytes), not as JavaScript does', () => {
    const values = ['\u{1F600} smile', '\uFF21rt'];
    const tally = new FieldStatsTally();
    for (const city of values) tally.add({ email: `${city}@example.com`, city, attributes: { note: city } });
    const db = new Database(':memory:');
    const oracle = db.prepare(`SELECT min(value) FROM json_each(?)`).pluck().get(JSON.stringify(values));
    db.close();
    expect(oracle).toBe('\uFF21rt');
    const rows = tally.rows();
    expect(rows.find(([kind, key]) => kind === 'canonical' && key === 'city')).toEqual(['canonical', 'city', 2, oracle]);
    expect(rows.find(([kind, key]) => kind === 'custom' && key === 'note')).toEqual(['custom', 'note', 2, oracle]);
    expect(rows.find(([, key]) => key === 'phone')).toEqual(['canonical', 'phone', 0, null]);
  });
});
