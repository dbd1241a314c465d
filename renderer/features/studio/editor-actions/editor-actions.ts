import type * as Monaco from 'monaco-editor';
import { registerCommands, type Command } from '../../../app/commands/registry';

type CodeEditor = Monaco.editor.ICodeEditor;

/** Monaco's own palette: F1 in the editor opens ours, which lists these actions instead. */
const HIDDEN = new Set(['editor.action.quickCommand']);

/** The editor's actions as palette commands (group "Editor"); running one gives the editor its focus back first. */
export function editorCommands(editor: CodeEditor): Command[] {
  return editor
    .getSupportedActions()
    .filter((action) => !HIDDEN.has(action.id) && action.label)
    .map((action) => ({
      id: `editor:${action.id}`,
      title: action.label,
      group: 'Editor',
      keywords: action.alias && action.alias !== action.label ? [action.alias] : [],
      run: () => {
        editor.focus();
        void action.run();
      },
    }));
}

/**
 * Lists a Monaco editor's actions in the command palette while it exists, as
 * VS Code's palette lists its editor's. Refreshed when the editor gains focus
 * (its actions depend on the model's language and read-only state), so the
 * list matches the editor the palette was opened from.
 */
export function listEditorActions(editor: CodeEditor): void {
  let unregister = (): void => undefined;
  const refresh = () => {
    unregister();
    unregister = registerCommands(editorCommands(editor));
  };
  const focus = editor.onDidFocusEditorWidget(refresh);
  const model = editor.onDidChangeModel(refresh);
  editor.onDidDispose(() => {
    focus.dispose();
    model.dispose();
    unregister();
  });
}
