import { describe, expect, it } from 'vitest';
import { detectionObjection, isDistinctive, PREFERENCE } from '../../shared/fields/types/choose-type';
import { ColumnDetector } from '../../shared/fields/types/column-detector';
import { readDecimal } from '../../shared/fields/types/decimal-number';
import { splitAmount } from '../../shared/fields/types/signed-amount';
import { cellText } from '../../shared/fields/types/fold-text';
import { DEFAULT_CONTEXT, type ParseContext, type Parser } from '../../shared/fields/types/parse-context';
import { PARSERS } from '../../shared/fields/types/parsers';
import type { FieldType, TypedValue } from '../../shared/fields/types/field-type';

/**
 * The detector reads each distinct value every way still alive, taking
 * shortcuts that must not change a single bit (a spreadsheet serial read once
 * for both day orders, money's distinctiveness from the number reading, plain
 * amounts read without the general decimal grammar). The reference here reads
 * each way on its own, as the detector's bits are defined.
 */

const LOCALES: ParseContext[] = [
  DEFAULT_CONTEXT,
  { ...DEFAULT_CONTEXT, decimalSeparator: ',', thousandsSeparator: '.', dateOrder: 'day-first' },
];

interface Way {
  type: FieldType;
  context: ParseContext;
  delimiter: string | undefined;
}

function referenceBits(text: string, locale: ParseContext): number {
  const readings = PREFERENCE.flatMap((type): Way[] =>
    type === 'date' || type === 'date-time'
      ? (['day-first', 'month-first'] as const).map((dateOrder) => ({ type, context: { ...locale, dateOrder }, delimiter: undefined }))
      : type === 'list'
        ? ([';', '|', ','] as const).map((listDelimiter) => ({ type, context: { ...locale, listDelimiter }, delimiter: listDelimiter }))
        : [{ type, context: locale, delimiter: undefined }],
  );
  let bits = 0;
  readings.forEach(({ type, context, delimiter }, index) => {
    if (delimiter !== undefined && !text.includes(delimiter)) {
      if (text.length <= 60) bits |= 3 << (2 * index);
      return;
    }
    const result = (PARSERS[type] as Parser<TypedValue>)(text, context);
    if (!result.ok || detectionObjection(type, text, result.value) !== null) return;
    bits |= (isDistinctive(type, text, context) ? 3 : 1) << (2 * index);
  });
  return bits;
}

const VALUES = [
  '123.45',
  '1.234',
  '1,234',
  '0.234',
  '1234.567',
  '60',
  '60.5',
  '45000',
  '45000.75',
  '2958466',
  '0',
  '1',
  '007',
  '1999',
  '05/03/1990',
  '13/04/1990',
  '1990-03-05',
  '1990-03-05 14:30',
  '€12,50',
  '12,50 EUR',
  '1 234,56',
  "1'234.56",
  '+33 6 12 34 56 78',
  'yes',
  'FR',
  'a;b',
  'x@example.com',
  "'0612",
];

describe("the detector's readings of a value", () => {
  it('are, bit for bit, what reading it each way on its own gives', () => {
    for (const locale of LOCALES) {
      for (const value of VALUES) {
        const text = cellText(value);
        expect([locale.decimalSeparator, value, new ColumnDetector({ locale }).read(value).bits]).toEqual([
          locale.decimalSeparator,
          value,
          referenceBits(text, locale),
        ]);
      }
    }
  });

  it('read plain amounts as the general decimal grammar does, "1.234" left to the locale', () => {
    expect(readDecimal('1.234')).toEqual({ kind: 'ambiguous', separator: '.' });
    expect(readDecimal('0.234')).toEqual({ kind: 'number', value: 0.234, decimal: '.' });
    expect(readDecimal('1234.567')).toEqual({ kind: 'number', value: 1234.567, decimal: '.' });
    expect(readDecimal('1234')).toEqual({ kind: 'number', value: 1234, decimal: null });
    expect(readDecimal('1234567890123456')).toEqual({ kind: 'invalid', reason: 'too many digits to keep exactly (an identifier?)' });
  });

  it('peel signs and currencies off amounts, and take plain ones as they are', () => {
    expect(splitAmount("'1,234.50")).toEqual({ body: '1,234.50', negative: false, currency: null });
    expect(splitAmount('7')).toEqual({ body: '7', negative: false, currency: null });
    expect(splitAmount('12-')).toEqual({ body: '12', negative: true, currency: null });
    expect(splitAmount('12.50 EUR')).toEqual({ body: '12.50', negative: false, currency: { code: 'EUR' } });
    expect(splitAmount('1.234,00 kr.', 'DK')).toEqual({ body: '1.234,00', negative: false, currency: { code: 'DKK' } });
  });
});
