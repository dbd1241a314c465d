/**
 * SQL for the customer id `id` (an SQL expression) stands for now: the
 * survivor of the merge that took it away, following merges of that survivor
 * in turn, else `id` itself. Imports resolve keys through it, so a re-imported
 * merged-away customer, or an order naming it, lands on the survivor instead of
 * bringing the customer back. One index probe (dedup_merges_merged) when the id
 * was never merged away; the walk runs only when it was.
 */
export const survivorOfSql = (id: string): string => `(CASE
  WHEN EXISTS (SELECT 1 FROM dedup_merges dm WHERE dm.merged_id = ${id} AND dm.undone_at IS NULL)
  THEN (WITH RECURSIVE chain (cid, depth) AS (
          SELECT ${id}, 0
          UNION ALL
          SELECT dm.survivor_id, chain.depth + 1 FROM dedup_merges dm JOIN chain ON dm.merged_id = chain.cid
          WHERE dm.undone_at IS NULL AND chain.depth < 64)
        SELECT cid FROM chain ORDER BY depth DESC LIMIT 1)
  ELSE ${id} END)`;
