import { addDays } from '../as-of-date';
import type { IntentSettings } from './intent-settings';

/**
 * The window's days: from `windowDays - 1` days before the as-of date through
 * the as-of date itself (a 7-day window at 2026-11-01 counts 2026-10-26 to
 * 2026-11-01). Events after the as-of date never count. As ISO bounds, so the
 * SQL can compare stored times (a day or an instant) as text.
 */
export function intentWindow(settings: Pick<IntentSettings, 'asOf' | 'windowDays'>): { from: string; until: string } {
  return { from: addDays(settings.asOf, 1 - settings.windowDays), until: addDays(settings.asOf, 1) };
}

/**
 * What one event adds: its type's weight, halved every half-life of its age
 * in whole days (an event on the as-of day has age 0 and counts fully).
 * The SQL computes the same; this is its definition, used by tests.
 */
export function eventContribution(weight: number, ageDays: number, halfLifeDays: number | null): number {
  return halfLifeDays === null ? weight : weight * 0.5 ** (ageDays / halfLifeDays);
}
