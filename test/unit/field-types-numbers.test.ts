import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONTEXT,
  parseBoolean,
  parseEmail,
  parseList,
  parseMoney,
  parseNumber,
  type ParseContext,
} from '../../shared/fields/types';

const EN: ParseContext = { ...DEFAULT_CONTEXT };
const DE: ParseContext = {
  ...DEFAULT_CONTEXT,
  decimalSeparator: ',',
  thousandsSeparator: '.',
  dateOrder: 'day-first',
  defaultCountry: 'DE',
};

const value = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T | string =>
  result.ok ? result.value : `fail: ${result.reason}`;

describe('parseNumber', () => {
  // [raw, in an English-locale file, in a German-locale file]
  it.each([
    ['1.234,56', 1234.56, 1234.56],
    ['1 234,56', 1234.56, 1234.56],
    ['1\u00a0234,56', 1234.56, 1234.56],
    ['1\u202f234,56', 1234.56, 1234.56],
    ['1,234.56', 1234.56, 1234.56],
    ["1'234.56", 1234.56, 1234.56],
    ['1,234.00', 1234, 1234],
    ['150,50', 150.5, 150.5],
    ['1.234.567', 1234567, 1234567],
    ['1,234,567.5', 1234567.5, 1234567.5],
    ['0,123', 0.123, 0.123],
    ['1234,567', 1234.567, 1234.567],
    // Only these two read both ways; the locale decides.
    ['1,234', 1234, 1.234],
    ['1.234', 1.234, 1234],
    ['12', 12, 12],
    ['-12', -12, -12],
    ['\u221212,5', -12.5, -12.5],
    ['+7', 7, 7],
    ['(12.00)', -12, -12],
    ['12-', -12, -12],
    ['.5', 0.5, 0.5],
    ['1.5E+3', 1500, 1500],
    ["'42", 42, 42],
  ])('%s → %s (en) / %s (de)', (raw, en, de) => {
    expect(value(parseNumber(raw, EN))).toBe(en);
    expect(value(parseNumber(raw, DE))).toBe(de);
  });

  it('"1,234.00" and "150,50" compare as numbers in either locale', () => {
    for (const ctx of [EN, DE]) {
      const [big, small] = ['1,234.00', '150,50'].map((raw) => value(parseNumber(raw, ctx)));
      expect(typeof big === 'number' && typeof small === 'number' && big > 100 && small > 100 && big > small).toBe(true);
    }
  });

  it.each(['abc', '12,5,6', '1 23,4', '1.2.3', '12 345 6', '€12', '12 USD', '12345678901234567', '-', '1,234.56.7'])(
    'rejects %s',
    (raw) => {
      const result = parseNumber(raw, EN);
      expect(result.ok).toBe(false);
    },
  );

  it('keeps the original text and says why a value failed', () => {
    expect(parseNumber(' 1.234,56 ', DE)).toEqual({ ok: true, value: 1234.56, original: ' 1.234,56 ' });
    expect(parseNumber('€12', EN)).toEqual({ ok: false, reason: 'has a currency: type the field as money' });
  });
});

describe('parseMoney', () => {
  it.each([
    ['€1.234,00', 1234, 'EUR'],
    ['1.234,00 €', 1234, 'EUR'],
    ['1,234.00 USD', 1234, 'USD'],
    ['USD 1,234.00', 1234, 'USD'],
    ['CHF 12.50', 12.5, 'CHF'],
    ["CHF 1'234.50", 1234.5, 'CHF'],
    ['$19.99', 19.99, 'USD'],
    ['£5', 5, 'GBP'],
    ['R$ 10,00', 10, 'BRL'],
    ['12,50 zł', 12.5, 'PLN'],
    ['eur 3', 3, 'EUR'],
    ['-€12', -12, 'EUR'],
    ['€-12', -12, 'EUR'],
    ['(€12.00)', -12, 'EUR'],
    ['€ (12.00)', -12, 'EUR'],
    ['150,50', 150.5, null],
    ['10 kr', 10, null],
  ])('%s → %s %s', (raw, amount, currency) => {
    expect(value(parseMoney(raw, DE))).toEqual({ amount, currency });
  });

  it.each([
    ['$5', undefined, 'USD'],
    ['$5', 'CA', 'CAD'],
    ['A$5', 'CA', 'AUD'],
    ['5 kr', 'SE', 'SEK'],
    ['5 kr.', 'DK', 'DKK'],
    ['5 kr', undefined, null],
    ['5 USD', 'CA', 'USD'],
  ])('%s in a file from %s is %s', (raw, defaultCountry, currency) => {
    expect(value(parseMoney(raw, { ...EN, ...(defaultCountry ? { defaultCountry } : {}) }))).toEqual({ amount: 5, currency });
  });

  it.each([
    ['12 EUR USD', 'two different currencies'],
    ['€', 'a currency without an amount'],
    ['XYZ 12', 'not a number'],
  ])('rejects %s: %s', (raw, reason) => {
    expect(parseMoney(raw, EN)).toEqual({ ok: false, reason });
  });
});

describe('parseBoolean', () => {
  const TRUE = [
    'true',
    'TRUE',
    'yes',
    'Y',
    '1',
    'on',
    'vrai',
    'oui',
    'ja',
    'wahr',
    'sí',
    'si',
    'SÍ',
    'verdadero',
    'sì',
    'vero',
    'sim',
    'verdadeiro',
    'waar',
    ' Yes ',
  ];
  const FALSE = ['false', 'False', 'no', 'N', '0', 'off', 'faux', 'non', 'nein', 'falsch', 'falso', 'não', 'NAO', 'Não', 'nee', 'onwaar'];
  it.each(TRUE)('%s is true', (raw) => expect(value(parseBoolean(raw, EN))).toBe(true));
  it.each(FALSE)('%s is false', (raw) => expect(value(parseBoolean(raw, EN))).toBe(false));
  it.each(['maybe', '2', 'yes please', 'nope'])('%s is not a boolean', (raw) => expect(parseBoolean(raw, EN).ok).toBe(false));
});

describe('parseEmail', () => {
  it.each([
    ['anna@example.com', 'anna@example.com'],
    ['Anna.Smith+news@Example.COM', 'Anna.Smith+news@example.com'],
    ['josé@bücher.de', 'josé@bücher.de'],
    ['José@Bücher.DE', 'José@bücher.de'],
    ['Дмитрий@пример.рф', 'Дмитрий@пример.рф'],
    ['zoë.o’neil@example.co.uk'.replace('’', "'"), "zoë.o'neil@example.co.uk"],
    ['x@xn--bcher-kva.de', 'x@xn--bcher-kva.de'],
    [' padded@example.org ', 'padded@example.org'],
  ])('%s → %s', (raw, expected) => expect(value(parseEmail(raw, EN))).toBe(expected));

  it.each([
    'plainaddress',
    'a..b@example.com',
    '.a@example.com',
    'a.@example.com',
    'a b@example.com',
    'a@x',
    'a@-x.com',
    'a@x..com',
    'a@example.c0m',
    '@example.com',
    'a@',
  ])('rejects %s', (raw) => expect(parseEmail(raw, EN).ok).toBe(false));
});

describe('parseList', () => {
  it.each([
    ['a; b; c', undefined, ['a', 'b', 'c']],
    ['a|b', undefined, ['a', 'b']],
    ['vip, newsletter', undefined, ['vip', 'newsletter']],
    ['a;;b;', undefined, ['a', 'b']],
    ['single', undefined, ['single']],
    ['a, b; c', ';', ['a, b', 'c']],
  ])('%s (delimiter %s) → %j', (raw, listDelimiter, items) => {
    expect(value(parseList(raw, { ...EN, ...(listDelimiter ? { listDelimiter } : {}) }))).toEqual(items);
  });
});
