import type { Faker } from '@faker-js/faker';

/**
 * Structural randomness (counts, dates, amounts) drawn from a seeded faker so a
 * demo workspace is reproducible: the same seed always yields the same rows.
 */
export class Rng {
  constructor(private readonly faker: Faker) {}

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  chance(probability: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < probability;
  }

  pick<T>(items: readonly T[]): T {
    return this.faker.helpers.arrayElement(items);
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    return this.faker.helpers.weightedArrayElement(items.map(([value, weight]) => ({ value, weight })));
  }
}

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) for an ISO date. */
export const dayOf = (isoDate: string): number => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Timestamp at `second` seconds into `day`, as the ISO string stored in the workspace. */
export const isoTimestamp = (day: number, second: number): string => new Date(day * DAY_MS + second * 1000).toISOString();
