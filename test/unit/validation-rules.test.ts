import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT } from '../../shared/fields/types';
import {
  checkAmount,
  checkBirthDateAge,
  checkCompleteness,
  checkEmailSyntax,
  checkEmailTypo,
  checkFutureDate,
  checkPhone,
  checkRequired,
  resolveRules,
  ROLES,
  rowChecker,
  type RowInput,
  type RuleEnv,
} from '../../shared/validation';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const env: RuleEnv = { now: NOW, parse: { ...DEFAULT_CONTEXT, referenceTime: NOW } };
const row = (cells: Record<string, string>, columns: string[]): RowInput => ({
  cells: new Map(Object.entries(cells)),
  columns: new Map(columns.map((key) => [key, key])),
});

describe('email syntax', () => {
  it.each(['josé@exemple.fr', 'müller@bücher.de', 'Дмитрий@пример.рф', 'anna.o+news@example.com'])('accepts %s', (email) => {
    expect(checkEmailSyntax(email)).toBeNull();
  });
  it.each([
    'not-an-email',
    'a@b',
    'two@@example.com',
    'space in@example.com',
    '@example.com',
    'a..b@example.com',
    '.a@example.com',
    'a@-bad.com',
    'a@example.c0m',
  ])('rejects %s', (email) => {
    expect(checkEmailSyntax(email)?.rule).toBe('email_syntax');
    expect(checkEmailSyntax(email)?.message).toContain(email);
  });
});

describe('email domain typos', () => {
  it('suggests gmail.com for gmial.com', () => {
    const finding = checkEmailTypo('maria@gmial.com');
    expect(finding).toMatchObject({ rule: 'email_typo', suggestion: 'maria@gmail.com' });
    expect(finding?.message).toContain('did you mean maria@gmail.com');
  });
  it.each(['maria@gmail.com', 'jo@example.com', 'jo@acme-widgets.de'])('leaves %s alone', (email) => {
    expect(checkEmailTypo(email)).toBeNull();
  });
  it('suggests hotmail.com for hotmal.com, from the cache the second time too', () => {
    expect(checkEmailTypo('a@hotmal.com')?.suggestion).toBe('a@hotmail.com');
    expect(checkEmailTypo('b@hotmal.com')?.suggestion).toBe('b@hotmail.com');
  });
});

describe('phone validity', () => {
  it('accepts a real number with its country code, rejects one no operator issues', () => {
    expect(checkPhone('+33 6 12 34 56 78', env.parse)).toBeNull();
    expect(checkPhone('+33 1', env.parse)?.rule).toBe('phone_validity');
    expect(checkPhone('call me', env.parse)?.message).toContain('call me');
  });
  it('reads numbers without a country code in the default country', () => {
    expect(checkPhone('06 12 34 56 78', { ...env.parse, defaultCountry: 'FR' })).toBeNull();
  });
});

describe('future dates', () => {
  it('flags a birth date, an order date and an event time after now', () => {
    expect(checkFutureDate('2031-01-01', 'birth date', false, env)?.message).toBe('birth date "2031-01-01" is in the future');
    expect(checkFutureDate('2026-07-01T09:00:00Z', 'order date', true, env)?.rule).toBe('future_dates');
  });
  it('accepts past dates, today in any zone, and text that is not a date', () => {
    expect(checkFutureDate('1990-03-05', 'birth date', false, env)).toBeNull();
    expect(checkFutureDate('2026-06-16T08:00:00+14:00', 'event time', true, env)).toBeNull();
    expect(checkFutureDate('someday', 'order date', true, env)).toBeNull();
    expect(checkFutureDate('--03-05', 'birth date', false, env)).toBeNull();
  });
  it('reads the shapes exports write: ISO with or without time and offset, and local formats', () => {
    expect(checkFutureDate('2026-06-17 09:30', 'order date', true, env)?.rule).toBe('future_dates');
    expect(checkFutureDate('2026-06-15 09:30', 'order date', true, env)).toBeNull();
    expect(checkFutureDate('03/05/2031', 'birth date', false, env)?.rule).toBe('future_dates');
    expect(checkFutureDate('5 mars 2031', 'birth date', false, env)?.rule).toBe('future_dates');
  });
});

describe('birth date vs age', () => {
  it('flags an age that the birth date contradicts', () => {
    expect(checkBirthDateAge('1990-03-05', '25', env)?.message).toBe(
      'birth date "1990-03-05" makes this customer 36, but the age column says 25',
    );
  });
  it('accepts ages within a year, and skips what does not parse', () => {
    expect(checkBirthDateAge('1990-03-05', '36', env)).toBeNull();
    expect(checkBirthDateAge('1990-07-05', '36', env)).toBeNull();
    expect(checkBirthDateAge('1990-03-05', 'old', env)).toBeNull();
  });
});

describe('amounts', () => {
  it('rejects negative and non-numeric amounts, accepts money', () => {
    expect(checkAmount('-12.50', 'amount', env.parse)?.message).toBe('amount "-12.50" is negative');
    expect(checkAmount('twelve', 'amount', env.parse)?.message).toBe('amount "twelve" is not a number');
    expect(checkAmount('12.50', 'amount', env.parse)).toBeNull();
    expect(checkAmount('$1,234.00', 'amount', env.parse)).toBeNull();
  });
});

describe('required fields and completeness', () => {
  it('names each empty required field the file has a column for', () => {
    const findings = checkRequired(row({ email: 'a@example.com' }, ['email', 'first_name', 'city']), ['first_name', 'city', 'phone']);
    expect(findings.map((f) => f.message)).toEqual(['required field "first_name" is empty', 'required field "city" is empty']);
  });
  it('flags a row with fewer than N of the mapped fields filled', () => {
    const columns = ['email', 'first_name', 'last_name', 'city'];
    expect(checkCompleteness(row({ email: 'a@example.com' }, columns), 3)?.message).toBe(
      'only 1 of the 4 columns are filled; at least 3 are needed',
    );
    expect(checkCompleteness(row({ email: 'a@example.com', first_name: 'A', city: 'Lyon' }, columns), 3)).toBeNull();
  });
});

describe('rowChecker', () => {
  it('reports every finding of every rule that is on, each with its action', () => {
    const rules = resolveRules([
      { name: 'required_fields', action: 'reject', requiredFields: ['first_name'] },
      { name: 'completeness', action: 'flag', minFilled: 4 },
    ]);
    const check = rowChecker(rules, ROLES.customers!, env);
    const findings = check(row({ email: 'x@@bad', birth_date: '2030-01-01', phone: '12' }, ['email', 'first_name', 'birth_date', 'phone']));
    expect(findings.map((f) => [f.rule, f.action])).toEqual([
      ['email_syntax', 'reject'],
      ['phone_validity', 'flag'],
      ['future_dates', 'flag'],
      ['required_fields', 'reject'],
      ['completeness', 'flag'],
    ]);
  });
  it('skips rules that are off', () => {
    const rules = resolveRules([
      { name: 'email_syntax', action: 'off' },
      { name: 'phone_validity', action: 'off' },
      { name: 'future_dates', action: 'off' },
    ]);
    const check = rowChecker(rules, ROLES.customers!, env);
    expect(check(row({ email: 'x@@bad', birth_date: '2030-01-01', phone: '12' }, ['email', 'birth_date', 'phone']))).toEqual([]);
  });
  it('checks order amounts and dates with the default actions', () => {
    const check = rowChecker(resolveRules([]), ROLES.orders!, env);
    expect(check(row({ total: '-5', ordered_at: '2027-01-01' }, ['total', 'ordered_at'])).map((f) => [f.rule, f.action])).toEqual([
      ['future_dates', 'flag'],
      ['amounts', 'reject'],
    ]);
  });
});
