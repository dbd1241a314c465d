import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { DedupProfile } from '../../shared/dedup/profile';

/** FEBRL datasets 1 and 2, kept with the tests (see their SOURCE.md); DEDUP_FEBRL_DIR points elsewhere, e.g. at held-back sets. */
export const FEBRL_DIR = process.env.DEDUP_FEBRL_DIR ?? path.resolve(__dirname, '../fixtures/datasets/febrl');

export interface FebrlSet {
  profiles: DedupProfile[];
  /** True entities: record ids grouped by the <N> of rec-<N>-org / rec-<N>-dup-<k>. */
  entities: string[][];
}

/** Every separator in these files is ", " (comma and a space), so headers and values are trimmed. */
export function loadFebrl(file: string): FebrlSet {
  const { data } = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(FEBRL_DIR, file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (header) => header.trim(),
    transform: (value) => value.trim(),
  });
  const profiles: DedupProfile[] = [];
  const entities = new Map<string, string[]>();
  for (const row of data) {
    const id = row.rec_id ?? '';
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
