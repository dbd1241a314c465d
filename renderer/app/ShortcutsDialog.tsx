import { Dialog } from '../ui/Dialog';
import { modKey } from '../ui/format';
import { useRegisteredCommands } from './commands/registry';
import { groupCommands } from './palette/group-commands';
import './palette/palette.css';

/** Keys that belong to a widget rather than a command (the editor, the duplicates queue). */
const WIDGET_KEYS: [string, string][] = [
  [`${modKey}+K`, 'Command palette, outside the editor (in the editor it starts a chord, as in VS Code)'],
  [`${modKey}+K ${modKey}+C`, 'Editor: comment the selected lines'],
  [`${modKey}+K ${modKey}+U`, 'Editor: uncomment them'],
  ['Ctrl+Space', 'Suggest tokens inside {{ … }}'],
  [`${modKey}+Z`, 'Undo in the editor'],
  ['Double-click a template', 'Rename it'],
  ['M / N / S', 'Duplicates: merge, not a duplicate, skip'],
  ['↑ / ↓', 'Duplicates: previous or next pair'],
  ['U', 'Duplicates: undo the last merge'],
];

const WIDGET_GROUP = 'Editor and lists';

function ShortcutRow({ keys, action }: { keys: string; action: string }) {
  return (
    <tr>
      <td className="shortcut-keys">
        <span className="kbd">{keys}</span>
      </td>
      <td className="shortcut-action">{action}</td>
    </tr>
  );
}

/**
 * The keyboard shortcuts, grouped as in the palette, opened with "?" from anywhere but a text field. The
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
      <table className="table shortcuts-table" aria-label="Keyboard shortcuts">
        {[...groupCommands(commands), [WIDGET_GROUP, null] as const].map(([group, list]) => (
          <tbody key={group}>
            <tr>
              <th colSpan={2} scope="colgroup">
                {group}
              </th>
            </tr>
            {list
              ? list.map((command) => <ShortcutRow key={command.id} keys={command.shortcut ?? ''} action={command.title} />)
              : WIDGET_KEYS.map(([keys, action]) => <ShortcutRow key={keys} keys={keys} action={action} />)}
          </tbody>
        ))}
      </table>
    </Dialog>
  );
}
