import { Dialog } from '../ui/Dialog';
import { modKey } from '../ui/format';
import { useRegisteredCommands } from './commands/registry';
import { groupCommands } from './palette/group-commands';

/** Keys that belong to a widget rather than a command (the editor, the duplicates queue). */
const WIDGET_KEYS: [string, string][] = [
  [`${modKey}+K`, 'Command palette, outside the editor (in the editor it starts a chord, as in VS Code)'],
  [`${modKey}+K ${modKey}+C / ${modKey}+K ${modKey}+U`, 'Editor: comment / uncomment the selected lines'],
  [`${modKey}+K ${modKey}+F`, 'Editor: format the selection'],
  ['Ctrl+Space', 'Suggest tokens inside {{ … }}'],
  [`${modKey}+Z`, 'Undo in the editor'],
  ['Double-click a template', 'Rename it'],
  ['M / N / S', 'Duplicates: merge, not a duplicate, skip'],
  ['↑ / ↓', 'Duplicates: previous or next pair'],
  ['U', 'Duplicates: undo the last merge'],
];

/**
 * The keyboard shortcuts, opened with "?" from anywhere but a text field. The
 * commands' keys come from the command registry, so this list shows exactly
 * the keys the screen handles now.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const commands = useRegisteredCommands().filter((command) => command.shortcut);
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      width={560}
      footer={
        <button className="btn btn-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <table className="table" aria-label="Keyboard shortcuts">
        <tbody>
          {groupCommands(commands).flatMap(([group, list]) =>
            list.map((command) => (
              <tr key={command.id}>
                <td>
                  <span className="kbd">{command.shortcut}</span>
                </td>
                <td style={{ whiteSpace: 'normal' }} title={group}>
                  {command.title}
                </td>
              </tr>
            )),
          )}
          {WIDGET_KEYS.map(([keys, action]) => (
            <tr key={keys}>
              <td>
                <span className="kbd">{keys}</span>
              </td>
              <td style={{ whiteSpace: 'normal' }}>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
