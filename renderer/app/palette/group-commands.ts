import type { Command } from '../commands/registry';

/** Groups listed after every other: the editor's hundred-odd actions would bury the app's own commands when browsing. */
const LAST_GROUPS = new Set(['Editor']);

/** The palette's and the shortcut list's order: groups as first registered (the editor's last), commands in registration order within each (views 1…7). */
export function groupCommands(commands: readonly Command[]): [string, Command[]][] {
  const groups = new Map<string, Command[]>();
  for (const command of commands) {
    const list = groups.get(command.group);
    if (list) list.push(command);
    else groups.set(command.group, [command]);
  }
  const all = [...groups];
  return [...all.filter(([group]) => !LAST_GROUPS.has(group)), ...all.filter(([group]) => LAST_GROUPS.has(group))];
}
