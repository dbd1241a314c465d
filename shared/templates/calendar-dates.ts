import type { FilterImplOptions, Liquid } from 'liquidjs';

type FilterHandler = Extract<FilterImplOptions, (...args: never[]) => unknown>;
type FilterImpl = ThisParameterType<FilterHandler>;

/**
 * JavaScript reads an ISO date without a time ("1990-03-05") as midnight UTC
 * and liquidjs prints dates in the machine's time zone, so west of UTC a
 * birthday printed a day early. A date without a time is a calendar day, not
 * an instant: it is read as local midnight, which prints as that same day in
 * every time zone, and an explicit time-zone argument does not move it.
 *
 * Date-times keep liquidjs' behaviour with `preserveTimezones` (see
 * createLiquid): a value with an offset ("…T10:00:00+02:00") prints as written
 * in its own offset, one without an offset is local wall time and also prints
 * as written, and "now" is the machine's clock.
 */
const DATE_ONLY = /^\s*(\d{4}-\d{2}(?:-\d{2})?)\s*$/;

export function calendarDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const day = DATE_ONLY.exec(value)?.[1];
  if (day === undefined) return value;
  return `${day.length === 7 ? `${day}-01` : day}T00:00:00`;
}

/** Filters that parse their input as a date; the first argument of `date` after the format is a time zone. */
const DATE_FILTERS = ['date', 'date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string'] as const;

export function useCalendarDates(liquid: Liquid): void {
  for (const name of DATE_FILTERS) {
    const builtin = liquid.filters[name];
    const handler = typeof builtin === 'function' ? builtin : builtin?.handler;
    if (!handler) throw new Error(`liquidjs has no "${name}" filter to wrap`);
    liquid.registerFilter(name, function (this: FilterImpl, value: unknown, ...args: unknown[]): unknown {
      const day = calendarDate(value);
      const rest = day !== value && name === 'date' ? args.slice(0, 1) : args;
      return handler.call(this, day, ...rest) as unknown;
    });
  }
}
