import { findDuplicates } from '../../shared/dedup/find-duplicates';
import type { DedupProfile } from '../../shared/dedup/profile';
import { loadFebrl } from './dedup-febrl';

/** mulberry32: a seeded generator, so every run de-duplicates the same profiles. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Distinct people built from FEBRL's vocabulary: first name, surname and home
 * each from a different random record, random birth date, street number and
 * identifier. Names and homes repeat thousands of times, as common names and
 * big postcodes do in a real million, so blocks overflow and get windowed.
 */
export function syntheticProfiles(count: number): DedupProfile[] {
  const { profiles: seed } = loadFebrl('dataset2.csv');
  const random = seeded(42);
  const pick = (): DedupProfile => seed[Math.floor(random() * seed.length)]!;
  const digits = (n: number, width: number): string => String(n).padStart(width, '0');
  const profiles: DedupProfile[] = [];
  for (let i = 0; i < count; i++) {
    const home = pick();
    profiles.push({
      id: `S${i}`,
      firstName: pick().firstName,
      lastName: pick().lastName,
      streetNumber: String(1 + Math.floor(random() * 300)),
      addressLines: home.addressLines,
      city: home.city,
      postcode: home.postcode,
      state: home.state,
      birthDate: `19${digits(Math.floor(random() * 100), 2)}${digits(1 + Math.floor(random() * 12), 2)}${digits(1 + Math.floor(random() * 28), 2)}`,
      identifier: String(1_000_000 + Math.floor(random() * 9_000_000)),
    });
  }
  return profiles;
}

/** De-duplication time, pairs per second and memory on DEDUP_ROWS synthetic profiles (200,000 by default). */
export function benchDedupScale(): void {
  const rows = Number(process.env.DEDUP_ROWS ?? 200_000);
  const profiles = syntheticProfiles(rows);
  const start = performance.now();
  const result = findDuplicates(profiles);
  const ms = performance.now() - start;
  console.log(
    `${'dedup.scale'.padEnd(18)} ${`${rows.toLocaleString('en-US')} profiles`.padEnd(22)} ${result.compared.toLocaleString('en-US')} pairs ` +
      `(${(result.compared / rows).toFixed(1)} per profile) in ${(ms / 1000).toFixed(1)} s = ${Math.round(result.compared / (ms / 1000)).toLocaleString('en-US')} pairs/s, ` +
      `${result.clusters.length} clusters, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
}

if (process.argv[1]?.endsWith('dedup-scale.ts')) benchDedupScale();
