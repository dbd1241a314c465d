import type { LanguageDiagnostic } from './analyze-template';
import type { LanguageData } from './token-catalog';

/** What the editor sends its diagnostics worker: the workspace's tokens when they change, and texts to check. */
export type WorkerRequest = { kind: 'data'; data: LanguageData } | { kind: 'analyze'; id: number; source: string };

/** The worker's answer to one `analyze`, tagged with its id so stale answers can be dropped. */
export interface WorkerReply {
  id: number;
  diagnostics: LanguageDiagnostic[];
  ms: number;
}
