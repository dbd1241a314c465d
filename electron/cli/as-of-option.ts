import { InvalidArgumentError } from 'commander';
import { AsOfDate } from '../../shared/scores/as-of-date';

/** --as-of for every command that evaluates at a date (segments, scores): a real calendar day, yyyy-mm-dd. */
export function parseAsOf(value: string): string {
  const parsed = AsOfDate.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`${parsed.error.issues[0]?.message ?? 'Give a date.'} (e.g. 2026-06-30)`);
  return parsed.data;
}
