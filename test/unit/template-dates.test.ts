import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('test/support/render-liquid.ts');

/** Render in a child process whose machine time zone is `tz`. */
function renderIn(tz: string, templates: string[], context: Record<string, unknown> = {}): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(templates), JSON.stringify(context)], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

const TEMPLATES = [
  '{{ "1990-03-05" | date: "%B %d" }}',
  '{{ birth_date | date: "%Y-%m-%d %A" }}',
  '{{ birth_date | date: "%B %d", "Asia/Tokyo" }}',
  '{{ birth_date | date_to_long_string }}',
  '{{ "2024-12" | date: "%B %Y" }}',
  // Date-times print as written: their own offset when they carry one, wall time when they do not.
  '{{ "1990-03-05T23:30:00-05:00" | date: "%B %d %H:%M" }}',
  '{{ "1990-03-05T00:30:00+09:00" | date: "%B %d %H:%M" }}',
  '{{ "1990-03-05T12:00:00" | date: "%B %d %H:%M" }}',
];
const EXPECTED = [
  'March 05',
  '1990-03-05 Monday',
  'March 05',
  '05 March 1990',
  'December 2024',
  'March 05 23:30',
  'March 05 00:30',
  'March 05 12:00',
];

describe('dates in Liquid', () => {
  // West of UTC (where "1990-03-05" used to print as March 04), UTC, and east of it across the date line.
  it.each(['America/New_York', 'Pacific/Honolulu', 'UTC', 'Pacific/Kiritimati'])(
    'a date-only value prints as the same calendar day in %s',
    (tz) => {
      expect(renderIn(tz, TEMPLATES, { birth_date: '1990-03-05' })).toEqual(EXPECTED);
    },
  );
});
