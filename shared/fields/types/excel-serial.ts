/**
 * Spreadsheets store dates as days since 1899-12-30 (Excel, LibreOffice,
 * Google Sheets). Excel also counts a 29 February 1900 that never was (serial
 * 60, kept for Lotus 1-2-3), so serials before it start a day later.
 */
const LAST_SERIAL = 2_958_465; // 9999-12-31
const SERIAL = /^[0-9]{1,7}(?:\.[0-9]+)?$/;

/** The serial a cell holds, when it is one: a positive number of days in Excel's range. */
export function excelSerial(text: string): number | null {
  if (!SERIAL.test(text)) return null;
  const serial = Number(text);
  return serial >= 1 && serial <= LAST_SERIAL && Math.floor(serial) !== 60 ? serial : null;
}

/*
 * Local calendar arithmetic, as date-fns' addDays does it (the Date constructor carries days over months
 * and years in the local calendar): the result is a calendar day, no zone can move it. Written with the
 * constructor because detection reads every distinct plain number as a possible serial.
 */
const dayOf = (serial: number, extraDays = 0): Date => {
  const days = Math.floor(serial);
  return new Date(1899, 11, (days < 60 ? 31 : 30) + days + extraDays);
};

/*
 * Read off the local calendar fields, as date-fns' format(…, 'yyyy-MM-dd') / 'HH:mm:ss' would: column detection
 * reads every distinct plain number as a possible serial, and format's pattern interpretation cost ~5 µs a call.
 */
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
const isoDay = (d: Date): string => `${String(d.getFullYear()).padStart(4, '0')}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
const wallTime = (d: Date): string => `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;

/** 32937 → "1990-03-05". */
export const excelSerialDate = (serial: number): string => isoDay(dayOf(serial));

/** The midnight a time of day is read from, as date-fns' addSeconds from it did. */
const MIDNIGHT_2000 = new Date(2000, 0, 1).getTime();

/** 32937.75 → "1990-03-05T18:00:00" (wall time, no zone: spreadsheets store none). */
export function excelSerialDateTime(serial: number): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  const day = dayOf(serial, seconds >= 86_400 ? 1 : 0);
  const time = new Date(MIDNIGHT_2000 + (seconds % 86_400) * 1000);
  return `${isoDay(day)}T${wallTime(time)}`;
}
