/**
 * Which value the surviving customer keeps, field by field, when two records of
 * one person are merged. Pure, so the rules are tested without a workspace and
 * the review queue can show what a merge would keep.
 *
 * - most_recent: the value of the record updated last.
 * - most_complete: the longer value ("Jonathan" over "Jon", a full address over a street).
 * - preferred_source: the value of the record whose import file comes first in
 *   `preferredSources`; records from other files fall back to most_recent.
 *
 * Whatever the rule, a blank never replaces a value, and equal values keep the survivor's.
 */

export const SURVIVORSHIP_RULES = ['most_recent', 'most_complete', 'preferred_source'] as const;
export type SurvivorshipRule = (typeof SURVIVORSHIP_RULES)[number];

export interface SurvivorshipConfig {
  /** The rule for every field not named in `fields`. */
  default: SurvivorshipRule;
  /** Per field key (email, first_name, loyalty_tier…). */
  fields: Record<string, SurvivorshipRule>;
  /** Import file names, most trusted first, for preferred_source. */
  preferredSources: string[];
}

/** Fresh data wins, but a name keeps its fullest spelling (a nickname in a newer file does not replace it). */
export const DEFAULT_SURVIVORSHIP: SurvivorshipConfig = {
  default: 'most_recent',
  fields: { first_name: 'most_complete', last_name: 'most_complete' },
  preferredSources: [],
};

/** One side of a merge: values by field key, as stored (text, or a JSON value for typed attributes). */
export interface SurvivorRecord {
  id: string;
  /** ISO time of the record's last change. */
  updatedAt: string;
  /** Name of the import file the record came from last, when known. */
  source: string | null;
  values: Readonly<Record<string, unknown>>;
}

/** Why a value was kept: both agreed, only one had it, or the rule decided. */
export type ChoiceReason = 'same' | 'only_value' | SurvivorshipRule;

export interface ChosenValue {
  field: string;
  value: unknown;
  /** The id of the record the value came from. */
  from: string;
  reason: ChoiceReason;
}

export const isBlank = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : JSON.stringify(value));

export function ruleFor(config: SurvivorshipConfig, field: string): SurvivorshipRule {
  return config.fields[field] ?? config.default;
}

/** -1 when `a` wins, 1 when `b` wins, 0 for a tie. */
function byRecency(a: SurvivorRecord, b: SurvivorRecord): number {
  return a.updatedAt > b.updatedAt ? -1 : a.updatedAt < b.updatedAt ? 1 : 0;
}

function sourceRank(config: SurvivorshipConfig, record: SurvivorRecord): number {
  const rank = record.source === null ? -1 : config.preferredSources.indexOf(record.source);
  return rank < 0 ? Number.POSITIVE_INFINITY : rank;
}

function compareBy(rule: SurvivorshipRule, config: SurvivorshipConfig, a: SurvivorRecord, b: SurvivorRecord, field: string): number {
  if (rule === 'most_complete') {
    const longer = text(b.values[field]).length - text(a.values[field]).length;
    if (longer !== 0) return Math.sign(longer);
  } else if (rule === 'preferred_source') {
    const preferred = sourceRank(config, a) - sourceRank(config, b);
    if (preferred !== 0 && Number.isFinite(Math.min(sourceRank(config, a), sourceRank(config, b)))) return Math.sign(preferred);
  }
  return byRecency(a, b);
}

/**
 * The values the survivor keeps, for every field either record has. Ties go to
 * the survivor, so merging identical records changes nothing.
 */
export function chooseValues(
  survivor: SurvivorRecord,
  merged: SurvivorRecord,
  config: SurvivorshipConfig = DEFAULT_SURVIVORSHIP,
): ChosenValue[] {
  const fields = [...new Set([...Object.keys(survivor.values), ...Object.keys(merged.values)])];
  return fields.map((field): ChosenValue => {
    const mine = survivor.values[field];
    const theirs = merged.values[field];
    if (isBlank(theirs)) return { field, value: mine ?? null, from: survivor.id, reason: isBlank(mine) ? 'same' : 'only_value' };
    if (isBlank(mine)) return { field, value: theirs, from: merged.id, reason: 'only_value' };
    if (text(mine) === text(theirs)) return { field, value: mine, from: survivor.id, reason: 'same' };
    const rule = ruleFor(config, field);
    const winner = compareBy(rule, config, survivor, merged, field) > 0 ? merged : survivor;
    return { field, value: winner.values[field], from: winner.id, reason: rule };
  });
}

/**
 * Of a group of records of one person, the one that survives: the oldest
 * record (the id other systems have known longest), then the smallest id.
 */
export function pickSurvivor<T extends { id: string; createdAt: string }>(records: readonly T[]): T {
  const [first, ...rest] = records;
  if (!first) throw new Error('pickSurvivor needs at least one record');
  return rest.reduce((best, r) => (r.createdAt < best.createdAt || (r.createdAt === best.createdAt && r.id < best.id) ? r : best), first);
}
