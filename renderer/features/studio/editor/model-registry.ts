import type { editor } from 'monaco-editor';

/**
 * One Monaco model per open template, kept while the studio's workspace stays open: each template keeps its
 * own text, undo stack, cursor and scroll position, so undo can never reach into another template, and a
 * template's text is never rebuilt from a `value` while someone types in it.
 *
 * Type-only Monaco import: the draft hook and the sidebar use this registry without loading Monaco.
 */
interface Entry {
  model: editor.ITextModel;
  viewState: editor.ICodeEditorViewState | null;
}

type Listener = (templateId: number, text: string) => void;

const entries = new Map<number, Entry>();
const listeners = new Set<Listener>();
let workspace: string | null = null;

/** Template ids mean nothing in another workspace: models of the previous one are dropped. */
export function retainModelsOf(workspacePath: string): void {
  if (workspace === workspacePath) return;
  disposeAllModels();
  workspace = workspacePath;
}

export const modelEntry = (templateId: number): Entry | undefined => entries.get(templateId);

/** The text the author sees for a template, when its model is open. */
export const modelText = (templateId: number): string | undefined => entries.get(templateId)?.model.getValue();

export function registerModel(templateId: number, model: editor.ITextModel): Entry {
  const entry: Entry = { model, viewState: null };
  entries.set(templateId, entry);
  model.onDidChangeContent(() => {
    const text = model.getValue();
    for (const listener of listeners) listener(templateId, text);
  });
  return entry;
}

/** Hear every change of every template's text; returns the unsubscribe function. */
export function onModelText(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Replace a template's whole text as one undoable edit (a version restore): Ctrl+Z brings the previous text
 * back. Returns false when the template has no model yet; it will be created from the stored text.
 */
export function replaceModelText(templateId: number, text: string): boolean {
  const entry = entries.get(templateId);
  if (!entry) return false;
  if (entry.model.getValue() === text) return true;
  entry.model.pushStackElement();
  entry.model.pushEditOperations([], [{ range: entry.model.getFullModelRange(), text }], () => null);
  entry.model.pushStackElement();
  return true;
}

export function disposeModel(templateId: number): void {
  entries.get(templateId)?.model.dispose();
  entries.delete(templateId);
}

export function disposeAllModels(): void {
  for (const id of [...entries.keys()]) disposeModel(id);
}
