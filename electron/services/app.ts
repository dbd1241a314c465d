import type { Client } from '../../shared/contract/contract';
import { announceChanges } from '../../shared/contract/change-events';
import { createDirectClient, createDispatcher, type Dispatch } from '../../shared/contract/dispatch';
import { createHandlers, type HostKind } from '../handlers';
import { WorkspaceSession } from '../workspace/session';
import { ErrorLog, newErrorId } from './error-log';
import { EventHub, type EventSource } from './events';
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
  /** Pushed events (job progress, data changed); hosts relay them, in-process clients subscribe. */
  readonly events: EventSource;
  /** Staging for files uploaded in browser mode. */
  readonly uploads: UploadStaging;
  /** Where internal errors are written, each under the id its user was shown. */
  readonly errorLog: ErrorLog;
  close(): Promise<void>;
}

export function createApp(options: AppOptions): TailorApp {
  const session = new WorkspaceSession();
  const errorLog = options.errorLog ?? new ErrorLog();
  const logInternalError = (method: string, error: unknown, errorId: string = newErrorId()) => {
    errorLog.record(errorId, method, error);
    options.onInternalError?.(method, error, errorId);
  };
  const events = new EventHub((error) => logInternalError('events', error));
  const jobs = new JobManager(
    (event) => events.emit(event),
    (kind, error) => {
      const errorId = newErrorId();
      logInternalError(`job ${kind}`, error, errorId);
      return `Tailor could not finish this ${kind} job because of an internal problem (error ${errorId}; details in ${errorLog.file}).`;
    },
  );
  const recent = new RecentWorkspaces();
  const uploads = new UploadStaging();
  const handlers = createHandlers({ session, jobs, recent, uploads, host: options.host, nativeDialogs: options.nativeDialogs });
  const dispatch = announceChanges(
    createDispatcher(handlers, { errorLogPath: errorLog.file, onInternalError: logInternalError }),
    (event) => events.emit(event),
  );
  return {
    dispatch,
    client: createDirectClient(dispatch),
    session,
    jobs,
    events,
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
