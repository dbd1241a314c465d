import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT, parseDate, parseDateTime, type ParseContext } from '../../shared/fields/types';

const REFERENCE = Date.UTC(2026, 0, 1);
const MONTH_FIRST: ParseContext = { ...DEFAULT_CONTEXT, dateOrder: 'month-first', referenceTime: REFERENCE };
const DAY_FIRST: ParseContext = { ...MONTH_FIRST, dateOrder: 'day-first', decimalSeparator: ',', thousandsSeparator: '.' };

const value = (result: { ok: true; value: string } | { ok: false; reason: string }): string =>
  result.ok ? result.value : `fail: ${result.reason}`;

describe('parseDate', () => {
  // [raw, read day-first (a German or French file), read month-first (a US file)]
  it.each([
    ['1990-03-05', '1990-03-05', '1990-03-05'],
    ['1990/3/5', '1990-03-05', '1990-03-05'],
    ['05/03/1990', '1990-03-05', '1990-05-03'],
    ['5.3.1990', '1990-03-05', '1990-05-03'],
    ['05-03-1990', '1990-03-05', '1990-05-03'],
    ['13/04/1990', '1990-04-13', 'fail: 13/04/1990 is not a real month-first date'],
    ['04/13/1990', 'fail: 04/13/1990 is not a real day-first date', '1990-04-13'],
    ['05/05/1990', '1990-05-05', '1990-05-05'],
    // Two-digit years: the nearest century to the reference time (2026).
    ['05/03/90', '1990-03-05', '1990-05-03'],
    ['05/03/24', '2024-03-05', '2024-05-03'],
    // Spreadsheet serials (days since 1899-12-30, with Excel's phantom 29 February 1900).
    ['32937', '1990-03-05', '1990-03-05'],
    ['1', '1900-01-01', '1900-01-01'],
    ['61', '1900-03-01', '1900-03-01'],
    ['45658', '2025-01-01', '2025-01-01'],
    // Month names in English and the six languages.
    ['5 March 1990', '1990-03-05', '1990-03-05'],
    ['March 5, 1990', '1990-03-05', '1990-03-05'],
    ['March 5th, 1990', '1990-03-05', '1990-03-05'],
    ['Mar 5 1990', '1990-03-05', '1990-03-05'],
    ['5-Mar-90', '1990-03-05', '1990-03-05'],
    ['5 mars 1990', '1990-03-05', '1990-03-05'],
    ['1er mars 1990', '1990-03-01', '1990-03-01'],
    ['5 févr. 1990', '1990-02-05', '1990-02-05'],
    ['5. März 1990', '1990-03-05', '1990-03-05'],
    ['5 Okt. 1990', '1990-10-05', '1990-10-05'],
    ['5 de marzo de 1990', '1990-03-05', '1990-03-05'],
    ['5 marzo 1990', '1990-03-05', '1990-03-05'],
    ['5 de março de 1990', '1990-03-05', '1990-03-05'],
    ['5 maart 1990', '1990-03-05', '1990-03-05'],
    // Without accents or dots, in ASCII spellings, with a weekday.
    ['5 fevrier 1990', '1990-02-05', '1990-02-05'],
    ['15 aout 1990', '1990-08-15', '1990-08-15'],
    ['5 mrt 1990', '1990-03-05', '1990-03-05'],
    ['5 Maerz 1990', '1990-03-05', '1990-03-05'],
    ['Mon, 5 Mar 1990', '1990-03-05', '1990-03-05'],
    ['lundi 5 mars 1990', '1990-03-05', '1990-03-05'],
    ['Montag, 5. März 1990', '1990-03-05', '1990-03-05'],
    // Birthdays without a year stay month and day.
    ['03-05', '--05-03', '--03-05'],
    ['03/05', '--05-03', '--03-05'],
    ['05.03.', '--03-05', '--05-03'],
    ['--03-05', '--03-05', '--03-05'],
    ['5 March', '--03-05', '--03-05'],
    ['March 5', '--03-05', '--03-05'],
    ['5. März', '--03-05', '--03-05'],
    ['29 February', '--02-29', '--02-29'],
  ])('%s → %s (day-first) / %s (month-first)', (raw, dayFirst, monthFirst) => {
    expect(value(parseDate(raw, DAY_FIRST))).toBe(dayFirst);
    expect(value(parseDate(raw, MONTH_FIRST))).toBe(monthFirst);
  });

  it.each([
    ['1990-03-05T00:00:00Z', '1990-03-05'],
    ['1990-03-05T23:30:00-05:00', '1990-03-05'],
    ['05/03/1990 14:30', '1990-03-05'],
  ])('a date written as a date-time, %s, is its day as written: %s', (raw, day) => {
    expect(value(parseDate(raw, DAY_FIRST))).toBe(day);
  });

  it('reads "05/03/1990" in a German or French file as 5 March', () => {
    expect(parseDate('05/03/1990', DAY_FIRST)).toEqual({ ok: true, value: '1990-03-05', original: '05/03/1990' });
  });

  it.each([
    '31/02/1990',
    '1990-02-30',
    '60',
    '32937.5',
    'Anna Smith',
    '1990',
    'March 1990',
    '5 Marchember 1990',
    '12.50',
    '3.5',
    '00/00/0000',
  ])('rejects %s', (raw) => expect(parseDate(raw, DAY_FIRST).ok).toBe(false));
});

describe('parseDateTime', () => {
  it.each([
    ['2024-03-05T14:30:00+01:00', '2024-03-05T14:30:00+01:00'],
    ['2024-03-05T14:30:00Z', '2024-03-05T14:30:00Z'],
    ['2024-03-05T14:30:00.123456Z', '2024-03-05T14:30:00.123Z'],
    ['2024-03-05 14:30:00 +0530', '2024-03-05T14:30:00+05:30'],
    ['2024-03-05 14:30 UTC', '2024-03-05T14:30:00Z'],
    ['2024-03-05 14:30', '2024-03-05T14:30:00'],
    ['05/03/2024 14:30', '2024-03-05T14:30:00'],
    ['05.03.2024 14.30', '2024-03-05T14:30:00'],
    ['5 March 2024 2:30 pm', '2024-03-05T14:30:00'],
    ['2024-03-05', '2024-03-05T00:00:00'],
    // Wall times in a daylight-saving gap somewhere stay as written.
    ['2024-03-31 02:30', '2024-03-31T02:30:00'],
    ['2024-03-10 02:30', '2024-03-10T02:30:00'],
    ['32937.75', '1990-03-05T18:00:00'],
  ])('%s → %s', (raw, expected) => expect(value(parseDateTime(raw, DAY_FIRST))).toBe(expected));

  it.each([
    ['2024-03-05T25:00', '"25:00" is not a time of day'],
    ['2024-03-05T10:00+15:00', '"+15:00" is not a time zone offset'],
    ['5 March 14:30', '"5 March 14:30" has no year'],
    ['soon', '"soon" is not a date and time'],
  ])('rejects %s: %s', (raw, reason) => expect(parseDateTime(raw, DAY_FIRST)).toEqual({ ok: false, reason }));
});

describe('dates in every machine time zone', () => {
  const SCRIPT = path.join(__dirname, '../support/parse-dates-in-tz.ts');
  const CELLS = [
    ['date', '05/03/1990'],
    ['date', '32937'],
    ['date', '5 March'],
    ['date', '1990-03-05'],
    ['date-time', '2024-03-31 02:30'],
    ['date-time', '2024-03-10 02:30'],
    ['date-time', '2024-03-05T23:30:00-05:00'],
    ['date-time', '32937.75'],
  ];
  const EXPECTED = [
    '1990-03-05',
    '1990-03-05',
    '--03-05',
    '1990-03-05',
    '2024-03-31T02:30:00',
    '2024-03-10T02:30:00',
    '2024-03-05T23:30:00-05:00',
    '1990-03-05T18:00:00',
  ];

  it.each(['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati', 'America/Sao_Paulo'])('parse the same in %s', (tz) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(CELLS)], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });
});
