type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Inside a Monaco editor (its text area, find widget, …): the editor's own keys come first there. */
export const inCodeEditor = (target: EventTarget | null): boolean => target instanceof Element && target.closest('.monaco-editor') !== null;

/**
 * Which keys open the palette, decided where the key was pressed. F1 and
 * Ctrl/Cmd+Shift+P open it from anywhere (in the editor they replace
 * Monaco's own command palette, whose actions our palette lists). Ctrl/Cmd+K
 * opens it everywhere except the editor, where it is the first key of
 * Monaco's chords (Ctrl+K Ctrl+C comments, Ctrl+K Ctrl+F formats the
 * selection), as in VS Code.
 */
export function opensPalette(event: Keys, editorFocused: boolean): boolean {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.key === 'F1') return !mod && !event.altKey;
  if (!mod || event.altKey) return false;
  if (event.shiftKey) return key === 'p';
  return key === 'k' && !editorFocused;
}
