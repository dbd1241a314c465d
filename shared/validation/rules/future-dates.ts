import type { Finding } from '../finding';
import type { RuleEnv } from '../row-input';
import { dateMillis } from './dates';

/** A day of slack: a time written in the zone furthest ahead of the machine's is still "today". */
const SLACK_MS = 24 * 60 * 60 * 1000;

/** A birth date, order date or event time after now. Text that is not a date is another step's business. */
export function checkFutureDate(text: string, what: string, time: boolean, env: RuleEnv): Finding | null {
  const ms = dateMillis(text, env.parse, time);
  if (ms === null || ms <= env.now + SLACK_MS) return null;
  return { rule: 'future_dates', message: `${what} "${text}" is in the future` };
}
