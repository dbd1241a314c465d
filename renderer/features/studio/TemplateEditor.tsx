import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../../shared/contract/schemas';
import { modelEntry, registerModel } from './editor/model-registry';
import { registerLiquidCompletions } from './liquid-completions';
import { monaco } from './monaco-setup';

type EditorInstance = ReturnType<typeof monaco.editor.create>;
type Model = ReturnType<typeof monaco.editor.createModel>;

interface Props {
  templateId: number;
  /** The stored text, used only to create the template's model the first time it is opened. */
  initialSource: string;
  /** While another template is being opened, the one still shown takes no typing. */
  readOnly: boolean;
  diagnostics: Diagnostic[];
  onSave: () => void;
  /** Set by the parent to move the cursor to a diagnostic's line. */
  revealLine: { line: number; column: number; nonce: number } | null;
  /** Set by the parent to insert text (a token) at the cursor. */
  insert: { text: string; nonce: number } | null;
}

const MARKER_OWNER = 'tailor';
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/** Monaco's HTML grammar knows nothing of Liquid; decorations make tokens and tags stand out. */
function liquidDecorations(model: Model) {
  const text = model.getValue();
  const decorations = [];
  for (const match of text.matchAll(LIQUID)) {
    const start = model.getPositionAt(match.index);
    const end = model.getPositionAt(match.index + match[0].length);
    decorations.push({
      range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
      options: { inlineClassName: match[0].startsWith('{%') ? 'liquid-tag' : 'liquid-output' },
    });
  }
  return decorations;
}

/** The template's model, created from its stored text on first open and kept (see model-registry). */
function modelFor(templateId: number, initialSource: string): Model {
  const existing = modelEntry(templateId);
  if (existing && !existing.model.isDisposed()) return existing.model;
  const uri = monaco.Uri.parse(`tailor-template:/template-${templateId}.mjml`);
  // A model left behind by a workspace that was closed must not lend its text or history to this one.
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(initialSource, 'html', uri);
  model.updateOptions({ tabSize: 2 });
  registerModel(templateId, model);
  return model;
}

/**
 * Monaco on the template's own model. The editor never receives text from React: it is the source of truth,
 * and the draft hook reads every change from the model. Switching templates swaps models and keeps each
 * one's undo stack, cursor and scroll position.
 */
export function TemplateEditor({ templateId, initialSource, readOnly, diagnostics, onSave, revealLine, insert }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<EditorInstance | null>(null);
  const shownId = useRef<number | null>(null);
  const saveRef = useRef(onSave);
  // Read when a template's model is first created, which depends on templateId alone.
  const initialRef = useRef(initialSource);
  useEffect(() => {
    saveRef.current = onSave;
    initialRef.current = initialSource;
  }, [onSave, initialSource]);

  // One editor instance for the component's life; models outlive it.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    registerLiquidCompletions(monaco);
    const editor = monaco.editor.create(host, {
      model: null,
      minimap: { enabled: false },
      fontSize: 13,
      lineNumbers: 'on',
      wordWrap: 'on',
      scrollBeyondLastLine: false,
      automaticLayout: true,
      renderWhitespace: 'none',
      quickSuggestions: { other: true, strings: true, comments: false },
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    const collection = editor.createDecorationsCollection();
    const decorate = () => {
      const model = editor.getModel();
      if (model) collection.set(liquidDecorations(model));
    };
    editor.onDidChangeModelContent(decorate);
    editor.onDidChangeModel(decorate);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current());
    return () => {
      const entry = shownId.current === null ? undefined : modelEntry(shownId.current);
      if (entry) entry.viewState = editor.saveViewState();
      editorRef.current = null;
      shownId.current = null;
      // Disposing the editor leaves its models (and their undo stacks) alone.
      editor.dispose();
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || shownId.current === templateId) return;
    const previous = shownId.current === null ? undefined : modelEntry(shownId.current);
    if (previous) previous.viewState = editor.saveViewState();
    const model = modelFor(templateId, initialRef.current);
    editor.setModel(model);
    const viewState = modelEntry(templateId)?.viewState;
    if (viewState) editor.restoreViewState(viewState);
    shownId.current = templateId;
    // Take focus only if nobody else has it: stealing it from the rename box of a new template would end the rename.
    if (document.activeElement === document.body) editor.focus();
  }, [templateId]);

  useEffect(() => editorRef.current?.updateOptions({ readOnly }), [readOnly]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      diagnostics
        .filter((d) => d.line !== null)
        .map((d) => {
          const line = Math.min(d.line ?? 1, model.getLineCount());
          const column = d.column ?? 1;
          // Mark from the reported column to the end of that token or line so the squiggle is visible.
          const end = model.getWordAtPosition({ lineNumber: line, column })?.endColumn ?? model.getLineMaxColumn(line);
          return {
            severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
            message: d.message,
            source: d.source,
            startLineNumber: line,
            startColumn: column,
            endLineNumber: line,
            endColumn: Math.max(end, column + 1),
          };
        }),
    );
  }, [diagnostics, templateId]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !revealLine) return;
    editor.revealLineInCenter(revealLine.line);
    editor.setPosition({ lineNumber: revealLine.line, column: revealLine.column });
    editor.focus();
  }, [revealLine]);

  useEffect(() => {
    const editor = editorRef.current;
    const selection = editor?.getSelection();
    if (!editor || !selection || !insert) return;
    // An edit operation, so it joins the undo stack like typing would.
    editor.executeEdits('insert-field', [{ range: selection, text: insert.text, forceMoveMarkers: true }]);
    editor.focus();
  }, [insert]);

  return <div ref={hostRef} style={{ height: '100%', width: '100%' }} data-testid="template-editor" />;
}
