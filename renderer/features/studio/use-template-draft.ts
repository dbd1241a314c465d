import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';
import { onBeforeWorkspaceSwitch } from '../workspace/before-switch';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

const AUTOSAVE_MS = 1200;

/**
 * The template being edited: the text in the editor, saved automatically a
 * moment after typing stops (and at once with Ctrl/Cmd+S or when switching
 * templates), so work is never lost to a forgotten save.
 */
export function useTemplateDraft(templateId: number | null) {
  const queryClient = useQueryClient();
  const [source, setSource] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const saved = useRef<string>('');
  const latest = useRef<{ id: number | null; source: string | null }>({ id: null, source: null });
  const timer = useRef<number | undefined>(undefined);

  /** Save pending edits now; resolves false (after telling the user) when the save failed. */
  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const { id, source: text } = latest.current;
    if (id === null || text === null || text === saved.current) return true;
    setState('saving');
    try {
      await api.call('templates.save', { id, source: text });
      saved.current = text;
      if (latest.current.source === text) setState('saved');
      void queryClient.invalidateQueries({ queryKey: ['templates.list'] });
      return true;
    } catch (error) {
      setState('error');
      toast.error(`Could not save: ${errorMessage(error)}`);
      return false;
    }
  }, [queryClient]);

  // Load on selection; save what was pending for the previous template first.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      await flush();
      if (templateId === null) {
        latest.current = { id: null, source: null };
        setSource(null);
        return;
      }
      try {
        const template = await api.call('templates.get', { id: templateId });
        if (cancelled) return;
        saved.current = template.source;
        latest.current = { id: template.id, source: template.source };
        setSource(template.source);
        setState('saved');
      } catch (error) {
        if (!cancelled) toast.error(errorMessage(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [templateId, flush]);

  useEffect(() => () => void flush(), [flush]);
  // Pending edits belong to the workspace they were made in.
  useEffect(() => onBeforeWorkspaceSwitch(flush), [flush]);

  const edit = useCallback(
    (next: string) => {
      latest.current = { ...latest.current, source: next };
      setSource(next);
      setState(next === saved.current ? 'saved' : 'dirty');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  return { source, state, edit, save: flush };
}
