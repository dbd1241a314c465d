import { analyzeTemplate } from './analyze-template';
import { buildCatalog } from './token-catalog';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * The diagnostics worker: parsing Liquid and walking the tree for every
 * keystroke's text happens here, never on the UI thread.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}
const scope = self as unknown as WorkerScope;

let catalog = buildCatalog({ fields: [], computed: null, dictionary: [] });

scope.onmessage = ({ data: request }) => {
  if (request.kind === 'data') {
    catalog = buildCatalog(request.data);
    return;
  }
  const started = performance.now();
  const diagnostics = analyzeTemplate(request.source, catalog);
  scope.postMessage({ id: request.id, diagnostics, ms: performance.now() - started });
};
