import { CANONICAL_KEYS } from '../../../../shared/fields/canonical';
import type { StagedCustomer } from './steps';

interface Stat {
  filled: number;
  sample: string | null;
}

/** Whether `a` sorts before `b` as SQLite compares text (BINARY: UTF-8 bytes, which UTF-16 order matches below U+D800). */
function before(a: string, b: string): boolean {
  // Called for every value of every row: only the first code unit that differs decides, and only it needs a look.
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === length) return a.length < b.length;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  if (x < 0xd800 && y < 0xd800) return x < y;
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) < 0;
}

/**
 * The field statistics (field-stats.ts: fill count and smallest value per
 * field) of the customers an import creates, tallied as rows are staged. When
 * every staged row creates a customer of its own, those customers hold exactly
 * the staged values (id: the row's id, else its derived id), so the commit
 * takes these instead of reading them back from the table. Staged values are
 * trimmed and never empty, so each one counts as filled, as SQLite's
 * `trim(value) <> ''` would.
 */
export class FieldStatsTally {
  private readonly canonical = new Map<string, Stat>(CANONICAL_KEYS.map((key) => [key, { filled: 0, sample: null }]));
  private readonly custom = new Map<string, Stat>();

  add(staged: StagedCustomer): void {
    for (const key of CANONICAL_KEYS) {
      const value = key === 'id' ? (staged.id ?? staged.derived_id) : staged[key];
      if (value !== undefined) note(this.canonical.get(key) as Stat, value);
    }
    for (const key in staged.attributes) {
      let stat = this.custom.get(key);
      if (stat === undefined) {
        stat = { filled: 0, sample: null };
        this.custom.set(key, stat);
      }
      note(stat, staged.attributes[key] as string);
    }
  }

  /** Rows of `field_stats` (kind, key, filled, sample): every canonical field, and the custom ones some row filled. */
  rows(): [string, string, number, string | null][] {
    return [
      ...[...this.canonical].map(([key, { filled, sample }]): [string, string, number, string | null] => [
        'canonical',
        key,
        filled,
        sample,
      ]),
      ...[...this.custom].map(([key, { filled, sample }]): [string, string, number, string | null] => ['custom', key, filled, sample]),
    ];
  }
}

function note(stat: Stat, value: string): void {
  stat.filled++;
  if (stat.sample === null || before(value, stat.sample)) stat.sample = value;
}
