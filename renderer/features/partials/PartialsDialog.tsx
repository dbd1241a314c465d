import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StoredPartial } from '../../../shared/contract/authoring-schemas';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';

interface Draft {
  id: number | null;
  name: string;
  source: string;
}

const EMPTY: Draft = { id: null, name: '', source: '' };
const toDraft = (partial: StoredPartial): Draft => ({ id: partial.id, name: partial.name, source: partial.source });

/** The tag a template writes to include a partial. */
export const renderTag = (name: string): string => `{% render '${name}' %}`;

/**
 * The workspace's partials: reusable blocks (header, footer, product card) of
 * HTML and Liquid that templates include with `{% render 'name' %}`. Saving
 * one re-renders every preview, since any template may include it.
 */
export function PartialsDialog({ onClose, onInsert }: { onClose: () => void; onInsert: (text: string) => void }) {
  const partials = useApi('partials.list', {});
  const save = useApiMutation('partials.save');
  const remove = useApiMutation('partials.delete');
  const queryClient = useQueryClient();
  // Null until the user picks or edits: then the first partial (or a new one) is shown.
  const [picked, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const list = partials.data ?? [];

  const first = partials.data?.[0];
  const draft = picked ?? (partials.data ? (first ? toDraft(first) : EMPTY) : null);

  const stored = draft?.id === null ? null : list.find((p) => p.id === draft?.id);
  const dirty =
    draft !== null && (stored ? stored.name !== draft.name || stored.source !== draft.source : draft.name !== '' || draft.source !== '');
  const refresh = () => Promise.all(['partials.list', 'preview.render'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));

  const pick = (next: Draft) => {
    setDraft(next);
    setProblem(null);
    setConfirmDelete(false);
  };

  const onSave = async () => {
    if (!draft) return;
    try {
      const saved = await save.mutateAsync({ ...(draft.id === null ? {} : { id: draft.id }), name: draft.name, source: draft.source });
      await refresh();
      pick(toDraft(saved));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const onDelete = async () => {
    if (draft?.id == null) return;
    if (!confirmDelete) return setConfirmDelete(true);
    try {
      await remove.mutateAsync({ id: draft.id });
      await refresh();
      pick(EMPTY);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Dialog
      title="Partials"
      description={
        <>
          Blocks every template can include, such as a header, footer or product card. Write HTML and Liquid; include one with{' '}
          <code>{renderTag('footer')}</code>. Previews using a partial refresh when you save it.
        </>
      }
      onClose={onClose}
      width="min(920px, calc(100vw - 48px))"
      footer={
        <button className="btn" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="partials-layout">
        <nav aria-label="Partials" className="partials-list">
          {list.map((partial) => (
            <button
              key={partial.id}
              className="btn btn-ghost btn-sm"
              aria-pressed={draft?.id === partial.id}
              onClick={() => pick(toDraft(partial))}
            >
              {partial.name}
            </button>
          ))}
          {list.length === 0 && <p className="muted">No partials yet.</p>}
          <button className="btn btn-sm" onClick={() => pick(EMPTY)}>
            + New partial
          </button>
        </nav>
        {draft && (
          <form
            className="partials-editor"
            onSubmit={(event) => {
              event.preventDefault();
              void onSave();
            }}
          >
            <label className="field">
              <span>Partial name</span>
              <input
                className="input mono"
                value={draft.name}
                placeholder="footer"
                spellCheck={false}
                onChange={(event) => setDraft({ ...draft, name: event.target.value })}
              />
            </label>
            <label className="field">
              <span>Partial source</span>
              <textarea
                className="input mono"
                rows={12}
                value={draft.source}
                spellCheck={false}
                placeholder={'<p style="font-size:12px">You get this email as {{ email }}.</p>'}
                onChange={(event) => setDraft({ ...draft, source: event.target.value })}
              />
            </label>
            {problem && (
              <div className="alert alert-danger" role="alert">
                {problem}
              </div>
            )}
            <div className="partials-actions">
              <button type="submit" className="btn btn-primary btn-sm" disabled={!dirty || save.isPending}>
                {draft.id === null ? 'Create partial' : 'Save partial'}
              </button>
              {stored && (
                <button type="button" className="btn btn-sm" onClick={() => onInsert(renderTag(stored.name))} title="Insert at the cursor">
                  Insert <code>{renderTag(stored.name)}</code>
                </button>
              )}
              <span style={{ flex: 1 }} />
              {stored && (
                <button type="button" className="btn btn-danger btn-sm" onClick={() => void onDelete()}>
                  {confirmDelete ? `Delete "${stored.name}" for good` : 'Delete'}
                </button>
              )}
            </div>
            {stored && draft.name !== stored.name && (
              <p className="muted" role="note">
                Templates that include <code>{renderTag(stored.name)}</code> must be changed to the new name.
              </p>
            )}
          </form>
        )}
      </div>
    </Dialog>
  );
}
