import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import HtmlWorker from 'monaco-editor/language/html/html.worker?worker';
import { listEditorActions } from './editor-actions/editor-actions';

/**
 * Monaco is bundled with the app (the studio works with no network): workers
 * come from Vite `?worker` imports and @monaco-editor/react is pointed at this
 * copy instead of its default CDN loader.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'html' || label === 'handlebars' || label === 'razor' ? new HtmlWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

// Our palette replaces Monaco's (F1 in the editor opens ours), so it lists every editor's actions.
monaco.editor.onDidCreateEditor(listEditorActions);

export { monaco };
export type Monaco = typeof monaco;
