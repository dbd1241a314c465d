import { useEffect, useSyncExternalStore } from 'react';

/**
 * Every action a user can take from the keyboard, registered by the view
 * that owns it while that view is mounted. The command palette lists what is
 * registered now, so it never offers an action the screen cannot perform,
 * and menus read `shortcut` from here so the keys shown and the keys handled
 * cannot drift apart.
 */
export interface Command {
  /** Stable and unique, e.g. `studio.export`; a later registration with the same id replaces the earlier. */
  id: string;
  title: string;
  /** The palette's section, e.g. "Studio", "Preview", "Go to". */
  group: string;
  /** As shown to the user, e.g. `Ctrl+Shift+E`; the owner handles the key itself. */
  shortcut?: string;
  /** Extra words the palette matches, e.g. "download" for Export. */
  keywords?: string[];
  /** False greys the command out in the palette (e.g. nothing to export yet). */
  enabled?: boolean;
  run: () => void;
}

type Listener = () => void;

const commands = new Map<string, Command>();
let snapshot: readonly Command[] = [];
const listeners = new Set<Listener>();

function publish(): void {
  snapshot = [...commands.values()];
  for (const listener of listeners) listener();
}

/** Adds commands; the returned function removes exactly these registrations. */
export function registerCommands(list: readonly Command[]): () => void {
  for (const command of list) commands.set(command.id, command);
  publish();
  return () => {
    let changed = false;
    for (const command of list) {
      if (commands.get(command.id) === command) {
        commands.delete(command.id);
        changed = true;
      }
    }
    if (changed) publish();
  };
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The commands registered now, in registration order. */
export function useRegisteredCommands(): readonly Command[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/**
 * Registers `list` while the calling component is mounted. Pass a memoised
 * list (useMemo): a new array re-registers.
 */
export function useCommands(list: readonly Command[]): void {
  useEffect(() => registerCommands(list), [list]);
}
