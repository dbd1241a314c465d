import { describe, expect, it } from 'vitest';
import {
  ColumnDetection,
  ColumnDetector,
  DEFAULT_CONTEXT,
  detectColumn,
  detectLocale,
  parseValue,
  type ParseContext,
} from '../../shared/fields/types';

const GERMAN: ParseContext = {
  ...DEFAULT_CONTEXT,
  decimalSeparator: ',',
  thousandsSeparator: '.',
  dateOrder: 'day-first',
  defaultCountry: 'DE',
};
const US: ParseContext = { ...DEFAULT_CONTEXT, defaultCountry: 'US' };

describe('detectColumn: type from the whole column', () => {
  it.each([
    ['emails', ['anna@example.com', 'josé@bücher.de', 'bob@example.org'], {}, 'email'],
    ['yes/no', ['yes', 'no', 'No', 'YES'], {}, 'boolean'],
    ['German flags', ['ja', 'nein', 'ja'], {}, 'boolean'],
    ['0/1 flags', ['0', '1', '1', '0'], {}, 'boolean'],
    ['a column of ones is a count', ['1', '1', '1'], {}, 'number'],
    ['0/1 under a money header', ['0', '1', '1', '0'], { header: 'total_spent' }, 'money'],
    ['plain numbers', ['12', '1.234,56', '150,50', '-3'], {}, 'number'],
    ['amounts with currencies', ['€12', '€1.234,00', '150,50 €'], {}, 'money'],
    ['plain numbers under a price header', ['12.50', '3'], { header: 'Price' }, 'money'],
    ['ISO dates', ['1990-03-05', '2001-12-31'], {}, 'date'],
    ['date-times', ['2024-03-05 14:30', '2024-03-06T09:00:00Z'], {}, 'date-time'],
    ['dates with a few times', ['2024-03-05', '2024-03-06 10:00', '2024-03-07 11:00'], {}, 'date-time'],
    ['dates and a serial', ['05/03/1990', '13/04/1990', '32937'], {}, 'date'],
    ['serials alone are numbers', ['32937', '33000', '34000'], {}, 'number'],
    ['serials under a date header', ['32937', '33000', '34000'], { header: 'Birth Date' }, 'date'],
    ['formatted phones', ['+49 151 23456789', '030 1234567', '+33 6 12 34 56 78'], { locale: GERMAN }, 'phone'],
    ['digit-only phones need their header', ['4915123456789', '4930123456789'], { header: 'Mobile', locale: GERMAN }, 'phone'],
    ['digit-only values without it are numbers', ['4915123456789', '4930123456789'], { locale: GERMAN }, 'number'],
    ['countries', ['Deutschland', 'France', 'ES', 'Italia'], {}, 'country'],
    ['lists', ['vip; newsletter', 'newsletter', 'vip; b2b; newsletter'], {}, 'list'],
    ['comma lists need a list header', ['vip, newsletter', 'b2b'], { header: 'Tags' }, 'list'],
    ['comma text stays text', ['Smith, John', 'Doe, Jane'], {}, 'text'],
    ['names', ['Anna', 'Bob', 'Chloé'], {}, 'text'],
    ['postcodes with leading zeros', ['01067', '10115', '80331'], {}, 'text'],
    ['a hint never overrides the data', ['anna@example.com', 'bob@example.org'], { header: 'phone' }, 'email'],
    ['ids stay codes', ['1001', '1002', '1003'], { header: 'Customer ID' }, 'text'],
    ['postcodes stay codes', ['75001', '10115'], { header: 'Zip' }, 'text'],
    ['language codes are not countries', ['de', 'fr', 'it'], { header: 'Language' }, 'text'],
    ['country codes under "country code"', ['DE', 'FR', 'IT'], { header: 'Country Code' }, 'country'],
    ['birthdays exported as midnight timestamps', ['1990-03-05T00:00:00Z', '1985-12-01T00:00:00Z'], { header: 'Birthdate' }, 'date'],
    ['timestamps', ['1990-03-05T00:00:00Z', '1985-12-01T00:00:00Z'], { header: 'Created' }, 'date-time'],
    // Found on the platform fixtures (test/fixtures/csv/exports/): HubSpot "Create Date", Shopify "Total Orders", Mailchimp "LEID".
    ['times of day under a date header keep their time', ['2024-01-10 09:30', '2024-02-11 17:05'], { header: 'Create Date' }, 'date-time'],
    ['a count of orders is a number, not money', ['3', '12', '0'], { header: 'Total Orders' }, 'number'],
    ['a total amount is still money', ['3', '12', '0'], { header: 'Total Spent' }, 'money'],
    ['list ids stay codes', ['41248733', '41248734'], { header: 'LEID' }, 'text'],
  ] as const)('%s → %s', (_label, values, hints, type) => {
    expect(detectColumn(values, hints).type).toBe(type);
    // Streamed without knowing the length, the same answer.
    const detector = new ColumnDetector(hints);
    for (const value of values) detector.add(value);
    expect(detector.result().type).toBe(type);
  });

  it('streams a long column without knowing its length: same result, and the result fits the contract schema', () => {
    const values = Array.from({ length: 20_000 }, (_, i) =>
      i === 15_000 ? '13/04/1990' : i % 1000 === 7 ? 'unknown' : `0${(i % 9) + 1}/0${(i % 7) + 1}/19${50 + (i % 40)}`,
    );
    const detector = new ColumnDetector({ header: 'Birthday', locale: US });
    for (const value of values) detector.add(value);
    const streamed = detector.result();
    expect(streamed).toEqual(detectColumn(values, { header: 'Birthday', locale: US }));
    expect(streamed).toMatchObject({ type: 'date', nonEmpty: 20_000, parsed: 19_980, warnings: [] });
    expect(streamed.context.dateOrder).toBe('day-first');
    expect(ColumnDetection.parse(streamed)).toEqual(streamed);
  });

  it('looks at every value, not a sample: one value among thousands decides the day order', () => {
    const values = [...Array.from({ length: 5000 }, () => '05/03/1990'), '13/04/1990'];
    const detection = detectColumn(values, { locale: US });
    expect(detection).toMatchObject({ type: 'date', confidence: 1, warnings: [] });
    expect(detection.context.dateOrder).toBe('day-first');
    expect(parseValue('date', '05/03/1990', detection.context)).toMatchObject({ value: '1990-03-05' });
  });

  it('counts every occurrence past the cache of distinct values', () => {
    const distinct = Array.from({ length: 25_000 }, (_, i) => `user${i}@example.com`);
    const detector = new ColumnDetector({});
    for (const value of [...distinct, ...distinct, 'not an email']) detector.add(value);
    expect(detector.result()).toMatchObject({ type: 'email', nonEmpty: 50_001, parsed: 50_000 });
  });

  it('a column with "13/04/1990" is day-first even in a US file', () => {
    expect(detectColumn(['05/03/1990', '13/04/1990', '01/02/2000'], { locale: US }).context.dateOrder).toBe('day-first');
    expect(detectColumn(['05/03/1990', '04/13/1990'], { locale: GERMAN }).context.dateOrder).toBe('month-first');
  });

  it('an all-≤12 column falls back to the locale and warns', () => {
    const german = detectColumn(['05/03/1990', '01/02/2000', '07/07/2007'], { locale: GERMAN });
    expect(german.context.dateOrder).toBe('day-first');
    expect(german.warnings).toEqual(['ambiguous: 05/03/1990 could be 5 March or May 3; read as day-first']);
    const us = detectColumn(['05/03/1990', '01/02/2000'], { locale: US });
    expect(us.context.dateOrder).toBe('month-first');
    expect(us.warnings).toEqual(['ambiguous: 05/03/1990 could be 5 March or May 3; read as month-first']);
  });

  it('mixed day orders: the majority wins, the others fail and a warning says so', () => {
    const detection = detectColumn([...Array.from({ length: 19 }, () => '13/04/1990'), '04/13/1990'], { locale: US });
    expect(detection).toMatchObject({ type: 'date', parsed: 19, nonEmpty: 20 });
    expect(detection.context.dateOrder).toBe('day-first');
    expect(detection.warnings[0]).toMatch(/^mixed date orders/);
    expect(detection.failures).toEqual([{ value: '04/13/1990', reason: '04/13/1990 is not a real day-first date' }]);
  });

  it('decides the decimal separator from the column', () => {
    expect(detectColumn(['1,234', '150,50'], { locale: US }).context.decimalSeparator).toBe(',');
    expect(detectColumn(['1.234', '150.5'], { locale: GERMAN }).context.decimalSeparator).toBe('.');
    const ambiguous = detectColumn(['1,234', '2,500'], { locale: US });
    expect(ambiguous).toMatchObject({ type: 'number', warnings: [expect.stringMatching(/^ambiguous: 1,234/)] });
    expect(ambiguous.context.decimalSeparator).toBe('.');
  });

  it('keeps a type that reads 90% of the values, with the rest as failures', () => {
    const values = [...Array.from({ length: 9 }, (_, i) => `${i + 1}`), 'n/a', '', '  '];
    const detection = detectColumn(values);
    expect(detection).toMatchObject({ type: 'number', nonEmpty: 10, parsed: 9, confidence: 0.9 });
    expect(detection.failures).toEqual([{ value: 'n/a', reason: 'not a number' }]);
    expect(detectColumn([...values.slice(0, 8), 'n/a', 'unknown']).type).toBe('text');
  });

  it('an empty column is text with no confidence', () => {
    expect(detectColumn(['', ' ', ''])).toMatchObject({ type: 'text', confidence: 0, nonEmpty: 0 });
  });
});

describe('detectLocale', () => {
  it('reads a German export: decimal comma, day-first, dot grouping, country from the rows', () => {
    const rows = [
      ['anna@example.de', '1.234,56', '05/03/1990', 'Deutschland', '0151 23456789'],
      ['bob@example.de', '150,50', '13/04/1985', 'Deutschland', '030 1234567'],
      ['chloe@example.fr', '12,00', '01/02/2000', 'Frankreich', '+33 6 12 34 56 78'],
    ];
    const { context, warnings } = detectLocale(rows);
    expect(context).toMatchObject({ decimalSeparator: ',', thousandsSeparator: '.', dateOrder: 'day-first', defaultCountry: 'DE' });
    expect(warnings).toEqual([]);
    expect(parseValue('phone', '0151 23456789', context)).toMatchObject({ value: '+4915123456789' });
  });

  it('reads a US export: decimal point, month-first', () => {
    const { context } = detectLocale([
      ['1,234.56', '04/13/1990'],
      ['99.90', '12/25/2001'],
    ]);
    expect(context).toMatchObject({ decimalSeparator: '.', thousandsSeparator: ',', dateOrder: 'month-first' });
  });

  it('a decimal-comma file with no decisive date reads day-first, and says the dates are ambiguous', () => {
    const { context, warnings } = detectLocale([['12,50', '05/03/1990']]);
    expect(context.dateOrder).toBe('day-first');
    expect(warnings).toEqual(['ambiguous: 05/03/1990 could be 5 March or May 3; read as day-first']);
  });

  it('falls back to the given locale where the data says nothing', () => {
    expect(detectLocale([['Anna']], { ...GERMAN, defaultCountry: 'AT' }).context).toMatchObject({
      decimalSeparator: ',',
      dateOrder: 'day-first',
      defaultCountry: 'AT',
    });
    expect(detectLocale([['1 234,5']]).context.thousandsSeparator).toBe(' ');
  });
});

describe("the issue's examples end to end", () => {
  it('typed values: numbers compare as numbers, "false"/"0"/"no"/"nein"/"non" are false', () => {
    const total = detectColumn(['1,234.00', '150,50'], { header: 'total_spent' });
    const amounts = ['1,234.00', '150,50'].map((raw) => parseValue(total.type, raw, total.context));
    expect(amounts).toMatchObject([{ value: { amount: 1234 } }, { value: { amount: 150.5 } }]);
    const vip = detectColumn(['false', '0', 'no', 'nein', 'non', 'yes'], { header: 'vip' });
    expect(vip.type).toBe('boolean');
    expect(['false', '0', 'no', 'nein', 'non'].map((raw) => parseValue(vip.type, raw, vip.context))).toMatchObject(
      Array.from({ length: 5 }, () => ({ ok: true, value: false })),
    );
  });

  it('Excel serial 32937 in a date column is 1990-03-05', () => {
    const birth = detectColumn(['32937', '1990-04-01'], { header: 'birth_date' });
    expect(birth.type).toBe('date');
    expect(parseValue(birth.type, '32937', birth.context)).toMatchObject({ value: '1990-03-05' });
  });

  it('a blank cell is a missing value, not a failure', () => {
    expect(parseValue('number', '  ', DEFAULT_CONTEXT)).toEqual({ ok: true, value: null, original: '  ' });
  });
});
