import { addDays, addSeconds, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { excelSerialDate, excelSerialDateTime } from '../../shared/fields/types/excel-serial';

/** date-fns' own formatting of the same calendar arithmetic, as the serial readers used to do it. */
function oracle(serial: number): { date: string; dateTime: string } {
  const days = Math.floor(serial);
  const day = addDays(days < 60 ? new Date(1899, 11, 31) : new Date(1899, 11, 30), days);
  const seconds = Math.round((serial - days) * 86_400);
  const time = addSeconds(new Date(2000, 0, 1), seconds % 86_400);
  return {
    date: format(day, 'yyyy-MM-dd'),
    dateTime: `${format(addDays(day, seconds >= 86_400 ? 1 : 0), 'yyyy-MM-dd')}T${format(time, 'HH:mm:ss')}`,
  };
}

describe('Excel serials', () => {
  it('read the same calendar day and wall time as date-fns formatting, across the whole range', () => {
    const serials = [1, 2, 59, 61, 32937, 32937.75, 45000.999999, 2_958_465, 0.5 + 1];
    for (let serial = 1; serial < 2_958_465; serial += 997.123) serials.push(serial);
    for (const serial of serials) {
      const expected = oracle(serial);
      expect({ serial, date: excelSerialDate(serial) }).toEqual({ serial, date: expected.date });
      expect({ serial, dateTime: excelSerialDateTime(serial) }).toEqual({ serial, dateTime: expected.dateTime });
    }
  });

  it('pads early years and small hours', () => {
    expect(excelSerialDate(1)).toBe('1900-01-01');
    expect(excelSerialDateTime(32937.0416666667)).toBe('1990-03-05T01:00:00');
  });
});
