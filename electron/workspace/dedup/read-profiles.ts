import { z } from 'zod';
import { customerProfile } from '../../../shared/dedup/customer-profile';
import type { DedupProfile } from '../../../shared/dedup/profile';
import type { Db } from '../db';

interface ProfileRow {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  birth_date: string | null;
  city: string | null;
  attributes: string;
}

const Attributes = z.record(z.string(), z.unknown());

/** Attribute values as text; a malformed attributes column reads as none rather than stopping the run. */
function readAttributes(json: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  const record = Attributes.safeParse(parsed);
  if (!record.success) return {};
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(record.data)) {
    if (typeof value === 'string') attributes[key] = value;
    else if (typeof value === 'number') attributes[key] = String(value);
  }
  return attributes;
}

/** Every customer of the workspace as a de-duplication profile, streamed row by row in id order. */
export function readProfiles(db: Db): DedupProfile[] {
  const rows = db
    .prepare('SELECT id, email, first_name, last_name, phone, birth_date, city, attributes FROM customers ORDER BY id')
    .iterate() as IterableIterator<ProfileRow>;
  const profiles: DedupProfile[] = [];
  for (const row of rows) profiles.push(customerProfile({ ...row, attributes: readAttributes(row.attributes) }));
  return profiles;
}
