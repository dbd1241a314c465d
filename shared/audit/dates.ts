/**
 * Date checks of the audit. Dates are compared as calendar days (the text
 * YYYY-MM-DD), date-times as instants; "today" is the UTC day the audit ran,
 * and a date-time counts as future only beyond a day of slack, so no time
 * zone makes an order placed this evening somewhere east of UTC "future".
 */

export const DAY_MS = 86_400_000;
/** Nobody on a customer list is older than this; a birth date before it is a typo (1899 for 1989) or a placeholder. */
export const MAX_AGE_YEARS = 120;

export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Epoch ms of a calendar day at 00:00 UTC. */
export const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The calendar day a stored date-time was written on (its own wall date, not UTC's). */
export const dayOf = (isoDateTime: string): string => isoDateTime.slice(0, 10);

export function isFutureDate(day: string, today: string): boolean {
  return day > today;
}

export function isFutureInstant(ms: number, now: number): boolean {
  return ms > now + DAY_MS;
}

/** Age in whole years on `today` for a birth date (both YYYY-MM-DD). */
export function ageOn(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Why a birth date cannot be right, or null: in the future, or an age no customer has. */
export function impossibleBirthDate(birth: string, today: string): string | null {
  if (isFutureDate(birth, today)) return 'in the future';
  const age = ageOn(birth, today);
  if (age > MAX_AGE_YEARS) return `age ${age}`;
  return null;
}

/**
 * Fields whose dates record something that already happened (a birth, a
 * signup, an order), so a future value is an error. Other date fields (a
 * renewal, an appointment) may rightly lie ahead.
 */
const PAST_ONLY =
  /(^|_)(birth|birthday|dob|born|signup|signed|registered|registration|joined|created|first|last|ordered|occurred|purchased|purchase|since)(_|$)/;

export const isPastOnlyField = (key: string): boolean => PAST_ONLY.test(key);
