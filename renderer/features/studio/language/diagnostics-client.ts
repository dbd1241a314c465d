import type { editor, IDisposable } from 'monaco-editor';
import type { Monaco } from '../monaco-setup';
import type { LanguageDiagnostic } from './analyze-template';
import { currentLanguageData, onLanguageData } from './language-state';
import LanguageWorker from './language.worker?worker';
import { toMarkers } from './markers';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export const LANGUAGE_OWNER = 'tailor-language';
/** Long enough to skip most keystrokes of a burst, short enough to feel immediate. */
const DEBOUNCE_MS = 120;

/**
 * Checks every watched model in a Web Worker a moment after it changes and
 * sets the markers when the answer is for the text still in the model (an
 * answer for an older version is dropped: a newer request is on its way).
 */
export class DiagnosticsClient {
  private worker: Worker;
  private sequence = 0;
  private requests = new Map<number, { model: editor.ITextModel; version: number }>();
  private latest = new WeakMap<editor.ITextModel, LanguageDiagnostic[]>();
  private timers = new WeakMap<editor.ITextModel, number>();
  private watched = new Set<editor.ITextModel>();

  constructor(private readonly monaco: Monaco) {
    this.worker = new LanguageWorker();
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    this.send({ kind: 'data', data: currentLanguageData() });
    onLanguageData((data) => {
      this.send({ kind: 'data', data });
      for (const model of this.watched) this.schedule(model, 0);
    });
  }

  /** Diagnostics last set on a model: what the quick fixes act on. */
  diagnosticsOf(model: editor.ITextModel): LanguageDiagnostic[] {
    return this.latest.get(model) ?? [];
  }

  watch(model: editor.ITextModel): IDisposable {
    if (this.watched.has(model)) return { dispose: () => undefined };
    this.watched.add(model);
    const change = model.onDidChangeContent(() => this.schedule(model, DEBOUNCE_MS));
    const gone = model.onWillDispose(() => this.watched.delete(model));
    this.schedule(model, 0);
    return {
      dispose: () => {
        change.dispose();
        gone.dispose();
        this.watched.delete(model);
      },
    };
  }

  private schedule(model: editor.ITextModel, delay: number): void {
    window.clearTimeout(this.timers.get(model));
    this.timers.set(
      model,
      window.setTimeout(() => {
        if (model.isDisposed()) return;
        const id = ++this.sequence;
        this.requests.set(id, { model, version: model.getVersionId() });
        this.send({ kind: 'analyze', id, source: model.getValue() });
      }, delay),
    );
  }

  private receive(reply: WorkerReply): void {
    const request = this.requests.get(reply.id);
    this.requests.delete(reply.id);
    if (!request || request.model.isDisposed() || request.model.getVersionId() !== request.version) return;
    this.latest.set(request.model, reply.diagnostics);
    this.monaco.editor.setModelMarkers(request.model, LANGUAGE_OWNER, toMarkers(this.monaco, request.model, reply.diagnostics));
  }

  private send(request: WorkerRequest): void {
    this.worker.postMessage(request);
  }
}
