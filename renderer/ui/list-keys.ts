/**
 * Where a list's selection moves for a key (arrows step, Home and End jump), clamped to the list;
 * null for any other key, so the caller leaves the event alone.
 */
export function listKeyTarget(key: string, index: number, length: number): number | null {
  const target = key === 'ArrowDown' ? index + 1 : key === 'ArrowUp' ? index - 1 : key === 'Home' ? 0 : key === 'End' ? length - 1 : null;
  return target === null ? null : Math.max(0, Math.min(length - 1, target));
}
