import { isValid, parseISO } from 'date-fns';
import { z } from 'zod';

/**
 * The as-of date every score is computed at: a calendar day (yyyy-mm-dd).
 * Windows count back from it, so a run is reproducible whatever today is.
 */
export const AsOfDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the as-of date as yyyy-mm-dd, like 2026-11-01.')
  .refine((text) => isValid(parseISO(text)), 'That as-of date does not exist. Give a real calendar day as yyyy-mm-dd.');

const DAY_MS = 86_400_000;

/** Today as the default as-of date (UTC, the zone stored instants are in). */
export const todayIso = (now: number = Date.now()): string => new Date(now).toISOString().slice(0, 10);

/** The calendar day `days` after `iso` (negative: before). */
export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
