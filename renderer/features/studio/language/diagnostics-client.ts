import type { editor, IDisposable } from 'monaco-editor';
import type { Monaco } from '../monaco-setup';
import type { LanguageDiagnostic } from './analyze-template';
import { currentLanguageData, onLanguageData } from './language-state';
import LanguageWorker from './language.worker?worker';
import { toMarkers } from './markers';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export const LANGUAGE_OWNER = 'tailor-language';
export const DIAGNOSTICS_MARK = 'tailor:diagnostics';
/**
 * Checks every watched model in a Web Worker as it changes: at once when no
 * check of that model is under way, otherwise as soon as it answers, for the
 * text then in the model (keystrokes typed meanwhile share one check). The
 * markers are set when the answer is for the text still in the model; an
 * answer for an older version is dropped, and the newer text is sent.
 */
export class DiagnosticsClient {
  private worker: Worker;
  private sequence = 0;
  private requests = new Map<number, { model: editor.ITextModel; version: number }>();
  private latest = new WeakMap<editor.ITextModel, LanguageDiagnostic[]>();
  /** Models with a check under way: a change meanwhile waits for its answer. */
  private busy = new WeakSet<editor.ITextModel>();
  private watched = new Set<editor.ITextModel>();

  constructor(private readonly monaco: Monaco) {
    this.worker = new LanguageWorker();
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    this.send({ kind: 'data', data: currentLanguageData() });
    onLanguageData((data) => {
      this.send({ kind: 'data', data });
      // Checks under way used the old tokens: their answers are dropped and the models checked again.
      for (const request of this.requests.values()) request.version = -1;
      for (const model of this.watched) this.check(model);
    });
  }

  /** Diagnostics last set on a model: what the quick fixes act on. */
  diagnosticsOf(model: editor.ITextModel): LanguageDiagnostic[] {
    return this.latest.get(model) ?? [];
  }

  watch(model: editor.ITextModel): IDisposable {
    if (this.watched.has(model)) return { dispose: () => undefined };
    this.watched.add(model);
    const change = model.onDidChangeContent(() => this.check(model));
    const gone = model.onWillDispose(() => this.watched.delete(model));
    this.check(model);
    return {
      dispose: () => {
        change.dispose();
        gone.dispose();
        this.watched.delete(model);
      },
    };
  }

  private check(model: editor.ITextModel): void {
    if (model.isDisposed() || this.busy.has(model)) return;
    this.busy.add(model);
    const id = ++this.sequence;
    this.requests.set(id, { model, version: model.getVersionId() });
    this.send({ kind: 'analyze', id, source: model.getValue() });
  }

  private receive(reply: WorkerReply): void {
    const request = this.requests.get(reply.id);
    this.requests.delete(reply.id);
    if (!request) return;
    this.busy.delete(request.model);
    if (request.model.isDisposed()) return;
    if (request.model.getVersionId() !== request.version) {
      this.check(request.model);
      return;
    }
    this.latest.set(request.model, reply.diagnostics);
    this.monaco.editor.setModelMarkers(request.model, LANGUAGE_OWNER, toMarkers(this.monaco, request.model, reply.diagnostics));
    // User Timing, for the typing benchmark (test/bench/typing.ts): which text the markers now describe.
    performance.mark(DIAGNOSTICS_MARK, { detail: { version: request.version, length: request.model.getValueLength() } });
  }

  private send(request: WorkerRequest): void {
    this.worker.postMessage(request);
  }
}
