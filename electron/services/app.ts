import type { Client } from '../../shared/contract/contract';
import { createDirectClient, createDispatcher, type Dispatch } from '../../shared/contract/dispatch';
import { createHandlers, type HostKind } from '../handlers';
import { WorkspaceSession } from '../workspace/session';
import { ErrorLog } from './error-log';
import { JobManager } from './jobs';
import { RecentWorkspaces } from './recent';
import { UploadStaging } from './uploads';

export interface AppOptions {
  host: HostKind;
  /** True where the host can show native open/save dialogs (Electron). */
  nativeDialogs: boolean;
  /** Bugs (not user errors) end up here as well as in the error log file, with the id the user is shown. */
  onInternalError?: (method: string, error: unknown, errorId: string) => void;
  /** Defaults to `<Tailor's data folder>/logs/tailor.log`. */
  errorLog?: ErrorLog;
}

/** Everything a host needs: one dispatcher over the one handler table, plus the state behind it. */
export interface TailorApp {
  readonly dispatch: Dispatch;
  /** In-process typed client over the same dispatcher (CLI, tests). */
  readonly client: Client;
  readonly session: WorkspaceSession;
  readonly jobs: JobManager;
  /** Staging for files uploaded in browser mode. */
  readonly uploads: UploadStaging;
  /** Where internal errors are written, each under the id its user was shown. */
  readonly errorLog: ErrorLog;
  close(): Promise<void>;
}

export function createApp(options: AppOptions): TailorApp {
  const session = new WorkspaceSession();
  const jobs = new JobManager();
  const recent = new RecentWorkspaces();
  const uploads = new UploadStaging();
  const handlers = createHandlers({ session, jobs, recent, uploads, host: options.host, nativeDialogs: options.nativeDialogs });
  const errorLog = options.errorLog ?? new ErrorLog();
  const dispatch = createDispatcher(handlers, {
    errorLogPath: errorLog.file,
    onInternalError: (method, error, errorId) => {
      errorLog.record(errorId, method, error);
      options.onInternalError?.(method, error, errorId);
    },
  });
  return {
    dispatch,
    client: createDirectClient(dispatch),
    session,
    jobs,
    uploads,
    errorLog,
    async close() {
      await jobs.cancelAll();
      session.close();
      uploads.close();
      await errorLog.close();
    },
  };
}
