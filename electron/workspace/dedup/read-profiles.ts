import { customerProfile } from '../../../shared/dedup/customer-profile';
import type { DedupProfile } from '../../../shared/dedup/profile';
import { iterateCustomers } from '../customers-repo';
import type { Db } from '../db';

/** Every customer of the workspace as a de-duplication profile, read row by row in id order. */
export function readProfiles(db: Db): DedupProfile[] {
  const profiles: DedupProfile[] = [];
  for (const customer of iterateCustomers(db)) profiles.push(customerProfile(customer));
  return profiles;
}
