/**
 * Desktop-only IPC channels (native dialogs, the system browser, menu
 * commands). They are not part of the API contract because browser mode has
 * no equivalent. Import-free so the sandboxed preload bundles it as is.
 */
export const SHELL_CHANNELS = {
  pickCsv: 'shell:pickCsv',
  pickFolder: 'shell:pickFolder',
  pickWorkspace: 'shell:pickWorkspace',
  saveWorkspace: 'shell:saveWorkspace',
  openExternal: 'shell:openExternal',
  showItemInFolder: 'shell:showItemInFolder',
  publishPreviewFrame: 'shell:publishPreviewFrame',
  saveCsv: 'shell:saveCsv',
  /** Page → main: the pending edits asked for by a close request are saved (payload: the request id). */
  flushed: 'shell:flushed',
} as const;

/** Main → page: pushed service events (job progress, data changed). */
export const EVENTS_CHANNEL = 'tailor:events';

/** Main → page: the window is about to close; save pending edits, then answer on SHELL_CHANNELS.flushed with this id. */
export const CLOSE_REQUEST_CHANNEL = 'shell:closeRequest';

/** Main → renderer: a menu item or a second launch asks the UI to act. */
export const SHELL_COMMAND_CHANNEL = 'shell:command';

/**
 * The UI owns these flows (it knows about unsaved edits), so the main
 * process only asks; it never switches workspaces behind the renderer's back.
 */
export type ShellCommand = { kind: 'openWorkspace' } | { kind: 'newWorkspace' } | { kind: 'openWorkspaceAt'; path: string };

export function isShellCommand(value: unknown): value is ShellCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, path } = value as { kind?: unknown; path?: unknown };
  if (kind === 'openWorkspace' || kind === 'newWorkspace') return true;
  return kind === 'openWorkspaceAt' && typeof path === 'string' && path.length > 0;
}
