import type { ActivityVocabulary } from '../../shared/contract/schemas';
import type { Db } from './db';

const MAX_NAMES = 200;

/** Distinct non-empty names, most frequent first, spelled as written most often (categories match case-insensitively). */
function names(db: Db, sql: string): string[] {
  return (db.prepare(sql).all(MAX_NAMES) as { name: string }[]).map((row) => row.name);
}

/**
 * The names the rule builder's pickers offer: every event type, the order
 * and event categories and the most frequent products. Read on demand; the
 * handler remembers the answer until the next import or undo (orders and
 * events change no other way), since reading it scans every event. Event
 * categories come from their own column (the import copies properties.category
 * there), which an index covers.
 */
export function activityVocabulary(db: Db): ActivityVocabulary {
  const eventTypes = names(db, 'SELECT type AS name FROM events GROUP BY type ORDER BY COUNT(*) DESC, type LIMIT ?');
  const categories = names(
    db,
    `SELECT name FROM (
       SELECT category AS name FROM orders WHERE category IS NOT NULL AND category <> ''
       UNION ALL
       SELECT category FROM events WHERE category IS NOT NULL
     ) WHERE typeof(name) = 'text' AND name <> ''
     GROUP BY lower(name) ORDER BY COUNT(*) DESC, lower(name) LIMIT ?`,
  );
  const products = names(
    db,
    `SELECT json_extract(properties, '$.product') AS name FROM events
     WHERE typeof(json_extract(properties, '$.product')) = 'text' AND json_extract(properties, '$.product') <> ''
     GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT ?`,
  );
  return { eventTypes, categories: categories.sort((a, b) => a.localeCompare(b)), products };
}
