import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { Client } from '../../../shared/contract/contract';
import type { Template } from '../../../shared/contract/schemas';
import { textFingerprint } from '../../../shared/templates/text-hash';
import { errorMessage } from '../../api/queries';
import { api, keepaliveApi } from '../../api/transport';
import { onBeforeWorkspaceSwitch } from '../workspace/before-switch';
import { disposeModel, modelText, onModelText, replaceModelText, retainModelsOf } from './editor/model-registry';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

const AUTOSAVE_MS = 1200;
/** Browsers refuse keepalive bodies past 64 KiB; a larger unsaved template asks before the page goes. */
const KEEPALIVE_LIMIT = 60 * 1024;

/**
 * The template being edited, saved a moment after typing stops, at once with Ctrl/Cmd+S, when switching
 * templates or views, before the workspace changes or the window closes, and (with a keepalive request)
 * when the page is hidden or unloaded, so a reload right after a keystroke loses nothing.
 *
 * The text is read from the template's Monaco model (editor/model-registry) and never written back into it:
 * while someone types, the editor alone owns the text. Only a version restore replaces it, as an undoable edit.
 */
export function useTemplateDraft(workspacePath: string, templateId: number | null) {
  const queryClient = useQueryClient();
  /** The template on screen and its stored text when opened: the editor creates its model from it. */
  const [opened, setOpened] = useState<{ id: number; stored: string } | null>(null);
  /** The current text of the template on screen, for previews. */
  const [source, setSource] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const current = useRef<number | null>(null);
  /** Per template: the text the workspace holds, as far as we know. */
  const saved = useRef(new Map<number, string>());
  /** Per template: the latest text seen in its model, until it is saved. */
  const pending = useRef(new Map<number, string>());
  const failed = useRef(false);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<number | undefined>(undefined);

  const saveAll = useCallback(
    async (client: Client): Promise<boolean> => {
      let ok = true;
      for (const [id, text] of [...pending.current]) {
        if (saved.current.get(id) === text) {
          pending.current.delete(id);
          continue;
        }
        if (id === current.current) setState('saving');
        try {
          const known = saved.current.get(id);
          const result = await client.call('templates.save', {
            id,
            source: text,
            ...(known === undefined ? {} : { base: textFingerprint(known) }),
          });
          saved.current.set(id, text);
          if (result.replacedOther)
            toast.warning(`“${result.name}” had been changed in another window. Your text is saved; the other one is kept in History.`, {
              duration: 10_000,
            });
          if (pending.current.get(id) === text) pending.current.delete(id);
          failed.current = false;
          if (id === current.current) setState(pending.current.has(id) ? 'dirty' : 'saved');
        } catch (error) {
          ok = false;
          failed.current = true;
          if (id === current.current) setState('error');
          toast.error(`Could not save: ${errorMessage(error)}`);
        }
      }
      void queryClient.invalidateQueries({ queryKey: ['templates.list'] });
      return ok;
    },
    [queryClient],
  );

  /** Save pending edits now, after any save under way; resolves false (after telling the user) when one failed. */
  const flush = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const next = chain.current.then(() => saveAll(api));
    chain.current = next;
    return next;
  }, [saveAll]);

  /** Close the version being coalesced, so the history keeps this state (Ctrl+S, leaving a template). */
  const checkpoint = useCallback(
    (id: number) =>
      api.call('templates.checkpoint', { id }).then(
        () => void queryClient.invalidateQueries({ queryKey: ['templates.versions'] }),
        // Best effort: the text itself is saved; a template deleted meanwhile has nothing to keep.
        () => undefined,
      ),
    [queryClient],
  );

  /** An explicit save: the edits, then a version of their own in the history. */
  const save = useCallback(async (): Promise<boolean> => {
    const ok = await flush();
    const id = current.current;
    if (ok && id !== null) await checkpoint(id);
    return ok;
  }, [flush, checkpoint]);

  // Every change of every open template's model, typed, undone or pasted.
  useEffect(
    () =>
      onModelText((id, text) => {
        pending.current.set(id, text);
        if (id !== current.current) return;
        setSource(text);
        setState(saved.current.get(id) === text ? 'saved' : 'dirty');
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
      }),
    [flush],
  );

  // Open on selection; save what was pending first, and keep the left template's state as a version.
  useEffect(() => {
    let cancelled = false;
    const previous = current.current;
    current.current = templateId;
    retainModelsOf(workspacePath);
    void (async () => {
      const ok = await flush();
      if (ok && previous !== null && previous !== templateId) void checkpoint(previous);
      if (templateId === null) {
        setOpened(null);
        setSource(null);
        return;
      }
      try {
        const template = await api.call('templates.get', { id: templateId });
        if (cancelled) return;
        saved.current.set(template.id, template.source);
        // An open model holds what the author last typed; it wins over the stored text and gets saved.
        const text = modelText(template.id) ?? template.source;
        if (text !== template.source) {
          pending.current.set(template.id, text);
          timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
        }
        setOpened({ id: template.id, stored: template.source });
        setSource(text);
        setState(text === template.source ? 'saved' : 'dirty');
      } catch (error) {
        if (!cancelled) toast.error(errorMessage(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [templateId, workspacePath, flush, checkpoint]);

  // Leaving the studio (another view) saves too. The save outlives this hook's registration below, so it stays
  // a before-switch hook until done: closing the window right after leaving the studio still waits for it.
  useEffect(
    () => () => {
      const done = flush();
      const remove = onBeforeWorkspaceSwitch(() => done);
      void done.finally(remove);
    },
    [flush],
  );
  // Pending edits belong to the workspace they were made in; the desktop shell runs the same hooks before closing.
  // A failed save stops the switch (or the close) instead of dropping the edits with the models.
  useEffect(
    () =>
      onBeforeWorkspaceSwitch(async () => {
        if (!(await flush()))
          throw new Error('Your latest template edits could not be saved. Save again (Ctrl+S) before leaving this workspace.');
      }),
    [flush],
  );

  // The page may be going away (reload, tab closed, app quit): hand the save to the browser to finish.
  useEffect(() => {
    const hide = () => {
      window.clearTimeout(timer.current);
      // Not queued behind a save under way: by its turn the page could be gone. Saving twice is harmless.
      void saveAll(keepaliveApi);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hide();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const tooLarge = [...pending.current].some(
        ([id, text]) => saved.current.get(id) !== text && new TextEncoder().encode(text).length > KEEPALIVE_LIMIT,
      );
      // A save that failed, or one too large for keepalive, would be lost: ask first.
      if (failed.current || tooLarge) event.preventDefault();
    };
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [saveAll]);

  /** The workspace's text changed outside the editor (a version restore): show it, as an undoable edit. */
  const replace = useCallback((template: Template) => {
    saved.current.set(template.id, template.source);
    if (replaceModelText(template.id, template.source)) return;
    pending.current.delete(template.id);
    if (template.id === current.current) {
      setOpened({ id: template.id, stored: template.source });
      setSource(template.source);
      setState('saved');
    }
  }, []);

  /** A template moved to the trash: nothing of it is kept open (it comes back from the stored text). */
  const forget = useCallback((id: number) => {
    pending.current.delete(id);
    saved.current.delete(id);
    disposeModel(id);
  }, []);

  return { opened, source, state, save, flush, replace, forget };
}
