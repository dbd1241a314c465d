import type { JobManager } from '../services/jobs';
import type { RecentWorkspaces } from '../services/recent';
import type { UploadStaging } from '../services/uploads';
import type { WorkspaceSession } from '../workspace/session';

export type HostKind = 'desktop' | 'browser' | 'cli' | 'direct';

/** What every handler may use. Handlers hold no state of their own. */
export interface HandlerContext {
  session: WorkspaceSession;
  jobs: JobManager;
  recent: RecentWorkspaces;
  uploads: UploadStaging;
  host: HostKind;
  nativeDialogs: boolean;
}
