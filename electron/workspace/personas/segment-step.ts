import type { CustomerFilter } from '../customers-repo';
import type { Db } from '../db';

export type StepDirection = 'next' | 'previous' | 'random';

/**
 * The member of a segment after (or before) `currentId` (null: the first
 * member, which a persona shows by default) in id order, wrapping around at
 * the ends, or a random one; with its 1-based place and the
 * segment's size, so the picker can say "3 of 120". Null when the segment is
 * empty. `random` is injectable so tests are deterministic.
 */
export function stepMember(
  db: Db,
  filter: CustomerFilter,
  currentId: string | null,
  direction: StepDirection,
  random: () => number = Math.random,
): { id: string; position: number; count: number } | null {
  const where = `(${filter.where})`;
  const count = db
    .prepare(`SELECT count(*) FROM customers WHERE ${where}`)
    .pluck()
    .get(...filter.params) as number;
  if (count === 0) return null;
  const at = (offset: number): string =>
    db
      .prepare(`SELECT id FROM customers WHERE ${where} ORDER BY id LIMIT 1 OFFSET ?`)
      .pluck()
      .get(...filter.params, offset) as string;
  let id: string | undefined;
  if (direction === 'random') {
    // Never the one already shown, when there is another.
    const current = currentId === null ? 0 : placeOf(db, where, filter, currentId) - 1;
    let offset = Math.floor(random() * count);
    if (count > 1 && offset === current) offset = (offset + 1) % count;
    id = at(offset);
  } else if (currentId === null) {
    // No member remembered: the persona shows the first one.
    id = direction === 'next' ? at(count > 1 ? 1 : 0) : at(count - 1);
  } else {
    const [op, order] = direction === 'next' ? ['>', 'ASC'] : ['<', 'DESC'];
    id =
      (db
        .prepare(`SELECT id FROM customers WHERE ${where} AND id ${op} ? ORDER BY id ${order} LIMIT 1`)
        .pluck()
        .get(...filter.params, currentId) as string | undefined) ?? (direction === 'next' ? at(0) : at(count - 1));
  }
  return { id, position: placeOf(db, where, filter, id), count };
}

/** 1-based place of `id` among the members in id order (members before it, plus one). */
function placeOf(db: Db, where: string, filter: CustomerFilter, id: string): number {
  return (
    (db
      .prepare(`SELECT count(*) FROM customers WHERE ${where} AND id < ?`)
      .pluck()
      .get(...filter.params, id) as number) + 1
  );
}

/** Whether `id` is (still) a member: a remembered member may have left the segment. */
export const isMember = (db: Db, filter: CustomerFilter, id: string): boolean =>
  db.prepare(`SELECT 1 FROM customers WHERE (${filter.where}) AND id = ?`).get(...filter.params, id) !== undefined;
