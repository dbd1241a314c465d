import type { MethodName } from '../../shared/contract/methods';

/**
 * What the Electron preload puts on `window`. Both are absent in browser mode,
 * which talks to the loopback HTTP host instead.
 */

/** One function per contract method; each resolves to the raw envelope, to be unwrapped with `unwrapEnvelope`. */
export type TailorApi = Readonly<Record<MethodName, (input: unknown) => Promise<unknown>>>;

export interface PickFolderOptions {
  title?: string;
  /** Folder the dialog starts in, e.g. the result of export.suggestDir. */
  defaultPath?: string;
}

export interface SaveWorkspaceOptions {
  /** Suggested file or folder; the shell appends .tailor when the user leaves it out. */
  defaultPath?: string;
}

/** Requests from the desktop menu or from a second launch; the UI decides how to carry them out. */
export type ShellCommand = { kind: 'openWorkspace' } | { kind: 'newWorkspace' } | { kind: 'openWorkspaceAt'; path: string };

export interface TailorShell {
  /** Native open dialog for a customer file (.csv, .txt): absolute path, or null when cancelled. */
  readonly pickCsv: () => Promise<string | null>;
  /** Native folder picker (can create folders): absolute path, or null when cancelled. */
  readonly pickFolder: (options?: PickFolderOptions) => Promise<string | null>;
  /** Native open dialog for an existing .tailor workspace: absolute path, or null when cancelled. */
  readonly pickWorkspace: () => Promise<string | null>;
  /** Native save dialog for a new .tailor workspace: absolute path ending in .tailor, or null when cancelled. */
  readonly saveWorkspace: (options?: SaveWorkspaceOptions) => Promise<string | null>;
  /** Opens an http(s) URL in the system browser; resolves false when the URL was refused. */
  readonly openExternal: (url: string) => Promise<boolean>;
  /** Native save dialog for a CSV file (asks before replacing one): absolute path ending in .csv, or null when cancelled. */
  readonly saveCsv: (options?: PickFolderOptions) => Promise<string | null>;
  /** Reveals a file (e.g. an export) in the system file manager. */
  readonly showItemInFolder: (path: string) => Promise<void>;
  /**
   * Publishes a preview document (remote images on) for the tailor:// protocol to serve
   * under its own CSP; resolves to its short-lived path, e.g. /frames/<random>.
   */
  readonly publishPreviewFrame: (document: string) => Promise<string>;
  /** Absolute path of a File dropped onto the window or chosen in an <input type=file>; '' when it has none. */
  readonly pathForFile: (file: File) => string;
  /** Subscribes to menu and second-launch commands; returns the unsubscribe function. */
  readonly onCommand: (listener: (command: ShellCommand) => void) => () => void;
  /** Runs `flush` (save pending edits) when the window is about to close; returns the unsubscribe function. */
  readonly onCloseRequest: (flush: () => Promise<unknown>) => () => void;
}

/** Pushed service events (job progress, data changed); the payload is validated by the page. */
export interface TailorEvents {
  /** Returns the unsubscribe function. */
  readonly subscribe: (listener: (event: unknown) => void) => () => void;
}

declare global {
  interface Window {
    readonly tailorApi?: TailorApi;
    readonly tailorEvents?: TailorEvents;
    readonly tailorShell?: TailorShell;
  }
}
