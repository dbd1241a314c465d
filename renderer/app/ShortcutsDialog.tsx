import { Dialog } from '../ui/Dialog';
import { modKey } from '../ui/format';

const SHORTCUTS: [string, string][] = [
  [`${modKey}+1 … 7`, 'Studio, Customers, Segments, Imports, Duplicates, Audit, Scores (RFM, intent, clusters, predictions)'],
  [`${modKey}+S`, 'Save the template now (it also saves by itself)'],
  [`${modKey}+Shift+E`, 'Export the template'],
  ['Alt+N', 'New template'],
  ['Ctrl+Space', 'Suggest tokens inside {{ … }}'],
  [`${modKey}+Z`, 'Undo in the editor'],
  ['Double-click a template', 'Rename it'],
  ['M / N / S', 'Duplicates: merge, not a duplicate, skip'],
  ['↑ / ↓', 'Duplicates: previous or next pair'],
  ['U', 'Duplicates: undo the last merge'],
  ['?', 'This list'],
];

/** The keyboard shortcuts, opened with "?" from anywhere but a text field. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      width={520}
      footer={
        <button className="btn btn-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <table className="table" aria-label="Keyboard shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
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
