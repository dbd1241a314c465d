import { Command } from 'cmdk';
import { useRef } from 'react';
import { useRegisteredCommands, type Command as AppCommand } from '../commands/registry';
import { groupCommands } from './group-commands';
import './palette.css';

/**
 * Every registered command, searchable by title, group and keywords (cmdk
 * scores the matches). Choosing one closes the palette first, so a command
 * that opens a dialog gets the keyboard.
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const commands = useRegisteredCommands();
  const groups = groupCommands(commands);
  const inputRef = useRef<HTMLInputElement>(null);
  const run = (command: AppCommand) => {
    onClose();
    // After the palette unmounts, so focus and Escape belong to what the command opens.
    queueMicrotask(command.run);
  };
  return (
    <div className="palette-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <Command
          label="Command palette"
          loop
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              onClose();
            }
          }}
        >
          <Command.Input ref={inputRef} autoFocus placeholder="Type a command or search…" aria-label="Command" />
          <Command.List>
            <Command.Empty>No command matches.</Command.Empty>
            {groups.map(([group, list]) => (
              <Command.Group key={group} heading={group}>
                {list.map((command) => (
                  <Command.Item
                    key={command.id}
                    value={command.id}
                    keywords={[command.title, group, ...(command.keywords ?? [])]}
                    disabled={command.enabled === false}
                    onSelect={() => run(command)}
                  >
                    <span className="palette-title">{command.title}</span>
                    {command.shortcut && <span className="kbd">{command.shortcut}</span>}
                  </Command.Item>
                ))}
              </Command.Group>
            ))}
          </Command.List>
        </Command>
      </div>
    </div>
  );
}
