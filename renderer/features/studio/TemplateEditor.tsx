import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../../shared/contract/schemas';
import { registerLiquidCompletions } from './liquid-completions';
import { monaco } from './monaco-setup';

type EditorInstance = Parameters<OnMount>[0];

interface Props {
  templateId: number;
  source: string;
  diagnostics: Diagnostic[];
  onChange: (source: string) => void;
  onSave: () => void;
  /** Set by the parent to move the cursor to a diagnostic's line. */
  revealLine: { line: number; column: number; nonce: number } | null;
  /** Set by the parent to insert text (a token) at the cursor. */
  insert: { text: string; nonce: number } | null;
}

const MARKER_OWNER = 'tailor';
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/** Monaco's HTML grammar knows nothing of Liquid; decorations make tokens and tags stand out. */
function liquidDecorations(model: NonNullable<ReturnType<EditorInstance['getModel']>>) {
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

/** Monaco with the template's diagnostics as markers; one model per template keeps undo history per template. */
export function TemplateEditor({ templateId, source, diagnostics, onChange, onSave, revealLine, insert }: Props) {
  const editorRef = useRef<EditorInstance | null>(null);
  const saveRef = useRef(onSave);
  useEffect(() => {
    saveRef.current = onSave;
  }, [onSave]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    registerLiquidCompletions(monaco);
    const collection = editor.createDecorationsCollection();
    const decorate = () => {
      const model = editor.getModel();
      if (model) collection.set(liquidDecorations(model));
    };
    decorate();
    editor.onDidChangeModelContent(decorate);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current());
    // Take focus only if nobody else has it: stealing it from the rename box of a new template would end the rename.
    if (document.activeElement === document.body) editor.focus();
  };

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
  }, [diagnostics, source]);

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

  return (
    <Editor
      path={`template-${templateId}.mjml`}
      defaultLanguage="html"
      language="html"
      value={source}
      onChange={(value) => onChange(value ?? '')}
      onMount={onMount}
      options={{
        minimap: { enabled: false },
        fontSize: 13,
        lineNumbers: 'on',
        wordWrap: 'on',
        scrollBeyondLastLine: false,
        tabSize: 2,
        automaticLayout: true,
        renderWhitespace: 'none',
        quickSuggestions: { other: true, strings: true, comments: false },
        fixedOverflowWidgets: true,
      }}
      loading={<div className="empty">Loading editor…</div>}
    />
  );
}
