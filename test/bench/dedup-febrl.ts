import fs from 'node:fs';
import path from 'node:path';
import type { DedupProfile } from '../../shared/dedup/profile';

/** The FEBRL files live outside the repository (see their SOURCE.md); DEDUP_FEBRL_DIR overrides where. */
export const FEBRL_DIR = process.env.DEDUP_FEBRL_DIR ?? path.resolve(__dirname, '../../../../shared/datasets/febrl');

export interface FebrlSet {
  profiles: DedupProfile[];
  /** True entities: record ids grouped by the <N> of rec-<N>-org / rec-<N>-dup-<k>. */
  entities: string[][];
}

/** Every separator in these files is ", " and nothing is quoted, so a split is the whole parser. */
export function loadFebrl(file: string): FebrlSet {
  const lines = fs.readFileSync(path.join(FEBRL_DIR, file), 'utf8').split('\n').filter(Boolean);
  const header = lines[0]!.split(',').map((h) => h.trim());
  const profiles: DedupProfile[] = [];
  const entities = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map((c) => c.trim());
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    const id = row.rec_id!;
    profiles.push({
      id,
      firstName: row.given_name,
      lastName: row.surname,
      streetNumber: row.street_number,
      addressLines: [row.address_1, row.address_2],
      city: row.suburb,
      postcode: row.postcode,
      state: row.state,
      birthDate: row.date_of_birth,
      identifier: row.soc_sec_id,
    });
    const entity = /^rec-(\d+)-/.exec(id)?.[1] ?? id;
    entities.set(entity, [...(entities.get(entity) ?? []), id]);
  }
  return { profiles, entities: [...entities.values()] };
}
