import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import type { TemplateMeta } from '../../../shared/contract/schemas';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { PencilIcon, TrashIcon } from '../../ui/icons';
import { useCommands } from '../../app/commands/registry';
import { StarterGallery, type Starter } from '../starters/StarterGallery';
import { restoreFromTrash, TrashDialog } from './history/TrashDialog';

interface Props {
  templates: TemplateMeta[];
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  /** Saves pending edits, so the trash holds the template as it was last typed. */
  beforeDelete: () => Promise<boolean>;
  /** Drops what the editor keeps open for a deleted template. */
  onDeleted: (id: number) => void;
}

export function TemplateSidebar({ templates, selectedId, onSelect, beforeDelete, onDeleted }: Props) {
  const queryClient = useQueryClient();
  const trash = useApi('templates.trash', {});
  const [trashOpen, setTrashOpen] = useState(false);
  const create = useApiMutation('templates.create');
  const rename = useApiMutation('templates.rename');
  const remove = useApiMutation('templates.delete');
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);

  const [galleryOpen, setGalleryOpen] = useState(false);

  const createTemplate = async (from?: Starter) => {
    setGalleryOpen(false);
    try {
      const template = await create.mutateAsync(from ? { name: from.name, source: from.source } : { name: 'Untitled template' });
      onSelect(template.id);
      setRenaming({ id: template.id, name: template.name });
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  useCommands(
    useMemo(
      () => [
        {
          id: 'templates.gallery',
          title: 'New template from a starter…',
          group: 'Templates',
          keywords: ['gallery', 'welcome', 'abandoned cart', 'birthday', 'win-back', 'post-purchase', 'html'],
          run: () => setGalleryOpen(true),
        },
        {
          id: 'templates.trash',
          title: 'Open the template trash',
          group: 'Templates',
          keywords: ['deleted', 'restore'],
          run: () => setTrashOpen(true),
        },
      ],
      [],
    ),
  );

  const commitRename = async () => {
    if (!renaming) return;
    const current = templates.find((t) => t.id === renaming.id);
    setRenaming(null);
    if (!current || current.name === renaming.name.trim()) return;
    try {
      await rename.mutateAsync({ id: renaming.id, name: renaming.name });
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  // Deleting moves to the trash, so it asks nothing: the toast and the trash both bring the template back.
  const deleteTemplate = async (meta: TemplateMeta) => {
    try {
      if (!(await beforeDelete())) return;
      await remove.mutateAsync({ id: meta.id });
      onDeleted(meta.id);
      void queryClient.invalidateQueries({ queryKey: ['templates.trash'] });
      const next = templates.find((t) => t.id !== meta.id);
      if (selectedId === meta.id) onSelect(next?.id ?? null);
      toast(`Moved “${meta.name}” to the trash`, {
        action: {
          label: 'Undo',
          onClick: () => void restoreFromTrash(queryClient, meta).then((id) => id !== null && onSelect(id)),
        },
      });
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  return (
    <aside className="sidebar" aria-label="Templates">
      <div className="sidebar-header" style={{ flexWrap: 'wrap', gap: 4 }}>
        Templates
        <span style={{ display: 'flex', gap: 2, textTransform: 'none', letterSpacing: 0 }}>
          <button className="btn btn-sm" onClick={() => void createTemplate()} title="New template (Alt+N)" aria-label="New template">
            + New
          </button>
          <button
            className="btn btn-sm"
            onClick={() => setGalleryOpen(true)}
            aria-haspopup="dialog"
            aria-label="New from a starter"
            title="New from a starter design"
          >
            Starters
          </button>
        </span>
      </div>
      <ul className="template-list" role="listbox" aria-label="Template list">
        {templates.map((template) => (
          <li
            key={template.id}
            className="template-item"
            role="option"
            aria-selected={template.id === selectedId}
            onClick={() => onSelect(template.id)}
            onDoubleClick={() => setRenaming({ id: template.id, name: template.name })}
          >
            {renaming?.id === template.id ? (
              <input
                className="input"
                autoFocus
                value={renaming.name}
                aria-label="Template name"
                onChange={(e) => setRenaming({ id: template.id, name: e.target.value })}
                onBlur={() => void commitRename()}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') void commitRename();
                  if (e.key === 'Escape') setRenaming(null);
                }}
              />
            ) : (
              <>
                <span className="name" title={template.name}>
                  {template.name}
                </span>
                <span className="actions">
                  <button
                    className="btn btn-ghost btn-sm"
                    aria-label={`Rename ${template.name}`}
                    title="Rename (double-click)"
                    onClick={(e) => {
                      e.stopPropagation();
                      setRenaming({ id: template.id, name: template.name });
                    }}
                  >
                    <PencilIcon />
                  </button>
                  <button
                    className="btn btn-ghost btn-sm"
                    aria-label={`Delete ${template.name}`}
                    title="Delete"
                    onClick={(e) => {
                      e.stopPropagation();
                      void deleteTemplate(template);
                    }}
                  >
                    <TrashIcon />
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      {templates.length === 0 && (
        <div className="empty" style={{ padding: 16 }}>
          No templates yet.
          <button className="btn btn-primary" onClick={() => void createTemplate()}>
            Create a template
          </button>
        </div>
      )}
      <div style={{ marginTop: 'auto', padding: 8, borderTop: '1px solid var(--border)' }}>
        <button
          className="btn btn-ghost btn-sm"
          style={{ width: '100%', justifyContent: 'flex-start', gap: 6 }}
          onClick={() => setTrashOpen(true)}
          title="Deleted templates, which can be restored"
        >
          <TrashIcon /> Trash{trash.data && trash.data.length > 0 ? ` (${trash.data.length})` : ''}
        </button>
      </div>
      {galleryOpen && <StarterGallery onPick={(starter) => void createTemplate(starter)} onClose={() => setGalleryOpen(false)} />}
      {trashOpen && (
        <TrashDialog
          onRestored={(id) => {
            onSelect(id);
            setTrashOpen(false);
          }}
          onClose={() => setTrashOpen(false)}
        />
      )}
    </aside>
  );
}
