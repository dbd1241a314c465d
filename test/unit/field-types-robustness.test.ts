import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT, detectColumn, detectLocale, FIELD_TYPES, PARSERS, type ParseContext } from '../../shared/fields/types';

const CTX: ParseContext = { ...DEFAULT_CONTEXT, defaultCountry: 'DE' };

/** Cells from broken exports: overflow, stray marks, control characters, huge values. */
const HOSTILE = [
  '1e999',
  '-1e999',
  'NaN',
  'Infinity',
  '0x10',
  '١٢٣',
  '(((',
  '€€',
  '--',
  '+',
  '()',
  '(12',
  '\u0000',
  '\uffff',
  '🙂',
  '@',
  'a@b@c.com',
  '--13-45',
  '00/00/00',
  '99/99/9999',
  '24:00',
  '2024-03-05 10:00 +99',
  '|||',
  'Mar 32 1990',
  'a'.repeat(100_000),
  '1'.repeat(5_000),
  '1 '.repeat(5_000),
  `${'T'.repeat(10_000)}1:00`,
  `${'x'.repeat(300)}@example.com`,
];

describe('hostile cells', () => {
  it.each(FIELD_TYPES)('%s: every cell parses or fails with a reason, never throws or yields a non-finite number', (type) => {
    for (const raw of HOSTILE) {
      const result = PARSERS[type](raw, CTX);
      if (!result.ok) {
        expect(result.reason).toEqual(expect.any(String));
        continue;
      }
      const amount =
        typeof result.value === 'object' && result.value !== null && 'amount' in result.value ? result.value.amount : result.value;
      if (typeof amount === 'number') expect(Number.isFinite(amount)).toBe(true);
    }
  });

  it('"1e999" is not a number', () => {
    expect(PARSERS.number('1e999', CTX)).toEqual({ ok: false, reason: 'too large for a number' });
  });

  it('detection over hostile cells is text, and the locale stays the fallback', () => {
    expect(detectColumn(HOSTILE).type).toBe('text');
    expect(detectLocale([HOSTILE], CTX).context).toMatchObject({ decimalSeparator: '.', dateOrder: 'month-first' });
  });
});
