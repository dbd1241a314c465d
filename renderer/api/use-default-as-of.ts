import { todayIso } from '../../shared/scores/as-of-date';
import { useApi } from './queries';

/**
 * The day the open workspace evaluates segments and scores at when none is
 * picked: today, or the demo's reference day (its data end the day before).
 * The forms start from it so what they show is what a run would use.
 */
export function useDefaultAsOf(): { day: string; isToday: boolean } {
  const workspace = useApi('workspace.current', {});
  const today = todayIso();
  const day = workspace.data?.defaultAsOf ?? today;
  return { day, isToday: day === today };
}
