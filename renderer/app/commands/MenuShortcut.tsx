import { useRegisteredCommands } from './registry';

/** The shortcut of a registered command, for a menu item: read from the registry so menus and handlers agree. */
export function MenuShortcut({ command }: { command: string }) {
  const shortcut = useRegisteredCommands().find((each) => each.id === command)?.shortcut;
  return shortcut ? (
    <span className="kbd" style={{ justifySelf: 'end' }} aria-hidden>
      {shortcut}
    </span>
  ) : null;
}
