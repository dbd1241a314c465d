import type { Command } from '../commands/registry';

/** The palette's and the shortcut list's order: groups as first registered, commands in registration order within each (views 1…7). */
export function groupCommands(commands: readonly Command[]): [string, Command[]][] {
  const groups = new Map<string, Command[]>();
  for (const command of commands) {
    const list = groups.get(command.group);
    if (list) list.push(command);
    else groups.set(command.group, [command]);
  }
  return [...groups];
}
