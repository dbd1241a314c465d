import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import type { TrashedTemplate } from '../../../../shared/contract/schemas';
import { errorMessage, useApi } from '../../../api/queries';
import { api } from '../../../api/transport';
import { Dialog } from '../../../ui/Dialog';
import { formatWhen } from '../../../ui/format';

interface Props {
  onRestored: (id: number) => void;
  onClose: () => void;
}

/** Restore a template from the trash, with its text and its history. */
export async function restoreFromTrash(
  queryClient: ReturnType<typeof useQueryClient>,
  template: Pick<TrashedTemplate, 'id' | 'name'>,
): Promise<number | null> {
  try {
    const restored = await api.call('templates.restore', { id: template.id });
    await Promise.all(
      ['templates.list', 'templates.trash', 'workspace.current'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
    );
    toast.success(restored.name === template.name ? `Restored “${restored.name}”` : `Restored “${template.name}” as “${restored.name}”`);
    return restored.id;
  } catch (error) {
    toast.error(errorMessage(error));
    return null;
  }
}

/** Deleted templates wait here until they are restored. */
export function TrashDialog({ onRestored, onClose }: Props) {
  const queryClient = useQueryClient();
  const trash = useApi('templates.trash', {});
  const [busy, setBusy] = useState<number | null>(null);

  const restore = async (template: TrashedTemplate) => {
    setBusy(template.id);
    const id = await restoreFromTrash(queryClient, template);
    setBusy(null);
    if (id !== null) onRestored(id);
  };

  return (
    <Dialog
      title="Trash"
      description="Deleted templates are kept here with their history, until you restore them."
      onClose={onClose}
      width={520}
      footer={
        <button className="btn" onClick={onClose}>
          Close
        </button>
      }
    >
      {trash.isError && <div className="alert alert-danger">{trash.error.message}</div>}
      {trash.data?.length === 0 && (
        <div className="empty">
          <h2>The trash is empty</h2>
          Templates you delete wait here so you can bring them back.
        </div>
      )}
      {trash.data && trash.data.length > 0 && (
        <table className="table" aria-label="Deleted templates">
          <tbody>
            {trash.data.map((template) => (
              <tr key={template.id}>
                <td>{template.name}</td>
                <td className="muted">Deleted {formatWhen(template.deletedAt)}</td>
                <td style={{ textAlign: 'right' }}>
                  <button
                    className="btn btn-sm"
                    aria-label={`Restore ${template.name}`}
                    disabled={busy !== null}
                    onClick={() => void restore(template)}
                  >
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
