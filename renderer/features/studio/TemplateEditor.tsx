import { useEffect, useMemo, useRef } from 'react';
import type { Diagnostic } from '../../../shared/contract/schemas';
import { useCommands } from '../../app/commands/registry';
import { modelEntry, registerModel } from './editor/model-registry';
import type { DiagnosticsClient } from './language/diagnostics-client';
import { registerLanguageServices } from './language/register-language';
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
export const FORMAT_SHORTCUT = 'Shift+Alt+F';

/**
 * What the host's compile reports goes on the model too, except Liquid syntax: the diagnostics worker
 * reports that at its exact range while typing (the host's copy arrives later, for the same token).
 * Partials are the host's to check (the worker cannot see the workspace), so those stay.
 */
const hostMarkerWanted = (d: Diagnostic): boolean => d.line !== null && (d.source !== 'liquid' || /partial/i.test(d.message));
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

let languageClient: DiagnosticsClient | null = null;

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
  languageClient?.watch(model);
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
    languageClient = registerLanguageServices(monaco);
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
      // Words already in the document are no suggestion while writing copy: a list popping up at every
      // word of prose is in the way, and asking for it costs each keystroke. Tokens, filters and tags still complete.
      wordBasedSuggestions: 'off',
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    const collection = editor.createDecorationsCollection();
    // Once per frame at most: a burst of keystrokes re-scans the text once, not once per key.
    let frame = 0;
    const decorate = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const model = editor.getModel();
        if (model) collection.set(liquidDecorations(model));
      });
    };
    editor.onDidChangeModelContent(decorate);
    editor.onDidChangeModel(decorate);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current());
    // Format Document is Shift+Alt+F on every platform here (Monaco uses Ctrl+Shift+I on Linux, which browsers keep).
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF, () => {
      void editor.getAction('editor.action.formatDocument')?.run();
    });
    return () => {
      cancelAnimationFrame(frame);
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
      diagnostics.filter(hostMarkerWanted).map((d) => {
        const line = Math.min(d.line ?? 1, model.getLineCount());
        const column = d.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1;
        // MJML names a line: mark the whole line. Otherwise from the column to the end of that token or line.
        const end =
          d.source === 'mjml'
            ? model.getLineMaxColumn(line)
            : (model.getWordAtPosition({ lineNumber: line, column })?.endColumn ?? model.getLineMaxColumn(line));
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

  useCommands(
    useMemo(
      () => [
        {
          id: 'editor.formatDocument',
          title: 'Format document',
          group: 'Editor',
          shortcut: FORMAT_SHORTCUT,
          keywords: ['prettier', 'indent', 'tidy'],
          run: () => {
            editorRef.current?.focus();
            void editorRef.current?.getAction('editor.action.formatDocument')?.run();
          },
        },
        {
          id: 'editor.quickFix',
          title: 'Quick fix…',
          group: 'Editor',
          shortcut: `${navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl'}+.`,
          keywords: ['fallback', 'default', 'did you mean'],
          run: () => {
            editorRef.current?.focus();
            void editorRef.current?.getAction('editor.action.quickFix')?.run();
          },
        },
      ],
      [],
    ),
  );

  return <div ref={hostRef} style={{ height: '100%', width: '100%' }} data-testid="template-editor" />;
}
