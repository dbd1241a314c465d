import { customerProfile } from '../../../shared/dedup/customer-profile';
import type { DedupProfile } from '../../../shared/dedup/profile';
import { toCustomer } from '../customers-repo';
import type { Db } from '../db';

/**
 * Of the typed values, only those de-duplication compares (birth date, phone),
 * picked out in SQL so a million rows do not each parse their whole typed object.
 */
const SELECT_PROFILES = `SELECT id, email, first_name, last_name, phone, birth_date, gender, city, country, attributes,
  json_object('birth_date', typed ->> '$.birth_date', 'phone', typed ->> '$.phone') AS typed
  FROM customers ORDER BY id`;

/** Every customer of the workspace as a de-duplication profile, read row by row in id order. */
export function readProfiles(db: Db): DedupProfile[] {
  const profiles: DedupProfile[] = [];
  for (const row of db.prepare(SELECT_PROFILES).iterate() as IterableIterator<Parameters<typeof toCustomer>[0]>)
    profiles.push(customerProfile(toCustomer(row)));
  return profiles;
}
