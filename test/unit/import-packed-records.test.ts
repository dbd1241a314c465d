import { describe, expect, it } from 'vitest';
import { packRecords, unpackRecords } from '../../electron/workspace/import/parse/packed-records';
import type { CsvRecord } from '../../electron/workspace/import/records';

const evidence = { order: null, decimal: '.', grouping: ',' } as const;

/** Every shape a record takes on its way from the parse thread: problems, verdicts with and without findings or phones, readings. */
const records: CsvRecord[] = [
  { line: 1, endLine: 1, fields: ['id', 'email', 'phone'], text: 'id,email,phone\n', problem: null },
  {
    line: 2,
    endLine: 3,
    fields: ['a1', 'a@example.com', '+33 6 12 34 56 78'],
    text: 'a1,a@example.com,"+33 6 12\n34 56 78"\n',
    problem: null,
    ahead: {
      validation: { findings: [], phone: { text: '+33 6 12 34 56 78', country: 'FR', e164: '+33612345678' } },
      detect: [{ evidence, bits: 5, alive: 255 }, null, { evidence: { order: 'day-first', decimal: null, grouping: null }, bits: 1 }],
    },
  },
  {
    line: 4,
    endLine: 4,
    fields: ['a2', 'a@gmial.com', '12'],
    text: 'a2,a@gmial.com,12\n',
    problem: null,
    ahead: {
      validation: {
        findings: [{ rule: 'email_typo', action: 'flag', message: 'likely a typo', suggestion: 'a@gmail.com' }],
        phone: { text: '12', country: '', e164: null },
      },
      detect: [null, null, { evidence, bits: 0, alive: 3 }],
    },
  },
  { line: 5, endLine: 5, fields: [], text: 'x,"y\n', problem: { kind: 'unclosed' } },
  { line: 6, endLine: 6, fields: ['b', 'c"d'], text: 'b,"c"d"\n', problem: { kind: 'malformed', spanned: false } },
  { line: 7, endLine: 9, fields: [], text: 'b,"c', problem: { kind: 'malformed', spanned: true } },
  { line: 10, endLine: 900, fields: [], text: 'long', problem: { kind: 'too_long' } },
  { line: 901, endLine: 901, fields: ['', '', ''], text: ',,\n', problem: null, ahead: { validation: { findings: [] } } },
];

describe('records cross from the parse thread as flat arrays', () => {
  it('unpack gives back exactly the records packed, ahead results included', () => {
    const packed = packRecords(records);
    expect(packed.ints).toBeInstanceOf(Int32Array);
    expect(unpackRecords(structuredClone(packed))).toEqual(records);
  });

  it('a batch is a handful of arrays, not an object per row', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...(records[1] as CsvRecord), line: i + 2, endLine: i + 2 }));
    const packed = packRecords(many);
    expect(packed.evidence).toHaveLength(2);
    expect(packed.findings).toHaveLength(0);
    expect(unpackRecords(packed)).toEqual(many);
  });
});
