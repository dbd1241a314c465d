/** Ctrl/Cmd+K or F1 open the palette, from anywhere, even the editor (whose own F1 palette it replaces). */
export const opensPalette = (event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean =>
  (event.key === 'F1' && !event.ctrlKey && !event.metaKey && !event.altKey) ||
  ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k');
