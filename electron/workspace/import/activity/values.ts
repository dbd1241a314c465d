import { format, isValid, parseISO } from 'date-fns';

/**
 * The few value shapes orders and events need today, parsed narrowly on
 * purpose: ISO dates and timestamps, and plain amounts with a decimal point or
 * a decimal comma. Typed, locale-aware parsing (shared/fields/types) will
 * replace these; until then anything else is rejected with a reason that says
 * how to write it, never guessed.
 */

const PLAIN_AMOUNT = /^[-+]?\d+(?:[.,]\d+)?$/;

/** "12", "12.5", "12,50" → a number; null for anything else ("1,234" is ambiguous and refused). */
export function parseAmount(text: string): number | null {
  const value = text.trim();
  if (!PLAIN_AMOUNT.test(value)) return null;
  // A comma and exactly three digits may be a thousands separator: refuse rather than read 1,234 as 1.234.
  if (/,\d{3}$/.test(value)) return null;
  const number = Number(value.replace(',', '.'));
  return Number.isFinite(number) ? number : null;
}

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * An ISO 8601 date or date-time → stored text: with a zone, the UTC instant
 * (`2026-03-01T09:30:00.000Z`); without one, the wall time as written
 * (`2026-03-01T09:30:00`) or the calendar day (`2026-03-01`). Null otherwise.
 */
export function parseTimestamp(text: string): string | null {
  const value = text.trim();
  if (!ISO_SHAPE.test(value)) return null;
  const normalised = value.replace(' ', 'T').replace(/\s+/g, '');
  const date = parseISO(normalised);
  if (!isValid(date)) return null;
  if (normalised.length === 10) return normalised;
  if (HAS_ZONE.test(normalised.slice(10))) return date.toISOString();
  return format(date, "yyyy-MM-dd'T'HH:mm:ss");
}
