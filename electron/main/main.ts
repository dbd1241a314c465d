import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../shared/contract/envelope';
import { METHOD_NAMES, ipcChannel } from '../../shared/contract/methods';
import { connectToService, type ServiceConnection } from '../services-process/protocol';
import { serveCaptures } from '../services/proofs/capture-channel';
import { captureInElectron } from './capture-page';
import { packageRoot, rendererDir, tailorHome } from '../services/paths';
import { PreviewFrames, previewFrameHeaders } from '../services/preview-frames';
import { FlushGate } from './close-flush';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  appResponseHeaders,
  externalHttpUrl,
  isAllowedNavigation,
  isAppUrl,
  isPreviewFrameUrl,
  requestedWorkspace,
  resolveAppAsset,
} from './security';
import { CLOSE_REQUEST_CHANNEL, EVENTS_CHANNEL, SHELL_CHANNELS, SHELL_COMMAND_CHANNEL, type ShellCommand } from './shell-channels';

/*
 * The desktop shell: one sandboxed window showing the bundled renderer from
 * tailor://app/, talking to the same dispatcher as every other host through
 * one IPC channel per contract method. The dispatcher runs in a separate
 * utilityProcess (electron/services-process): this process only checks the
 * sender and relays, so the window never waits on SQLite or a compiler.
 * Every guard below assumes the page could be compromised (it renders user
 * templates), so the main process checks who is calling and never lets the
 * page navigate or open windows.
 */

const UNAUTHORIZED: Envelope = {
  ok: false,
  error: { code: 'unauthorized', message: 'This request did not come from the Tailor window.' },
};
/** A job that ignores cancellation must not keep the app from quitting. */
const CLOSE_TIMEOUT_MS = 5000;
/** How long a closing window waits for the page to save pending edits. */
const FLUSH_TIMEOUT_MS = 3000;
const isMac = process.platform === 'darwin';

let service: { process: Electron.UtilityProcess; connection: ServiceConnection } | undefined;
let mainWindow: BrowserWindow | undefined;
/** A workspace asked for before the window exists (argv, or macOS open-file during launch). */
let pendingWorkspace: string | undefined;
let quitState: 'running' | 'closing' | 'closed' = 'running';
/** Previews with remote images on, served by the app protocol under their own CSP. */
const previewFrames = new PreviewFrames();

function liveWindow(): BrowserWindow | undefined {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
}

/** Only the main frame of our own window, showing our own page, may call the API. */
function senderOk(event: IpcMainInvokeEvent): boolean {
  const win = liveWindow();
  const frame = event.senderFrame;
  if (!win || !frame || event.sender !== win.webContents) return false;
  try {
    const top = win.webContents.mainFrame;
    return frame.parent === null && frame.processId === top.processId && frame.frameToken === top.frameToken && isAppUrl(frame.url);
  } catch {
    // A frame that navigated away or was destroyed mid-call throws on access.
    return false;
  }
}

function stringField(input: unknown, key: string): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === 'string' && value.length > 0 && !value.includes('\0') ? value : undefined;
}

async function showOpen(options: OpenDialogOptions): Promise<string | null> {
  const win = liveWindow();
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function showSave(options: SaveDialogOptions): Promise<string | null> {
  const win = liveWindow();
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

const TAILOR_FILTER = { name: 'Tailor workspaces', extensions: ['tailor'] };

/** Registers a desktop-only channel whose handler runs only for our window's main frame. */
function handleShell(channel: string, handler: (input: unknown) => unknown): void {
  ipcMain.handle(channel, (event, input: unknown) => {
    if (!senderOk(event)) throw new Error('This request did not come from the Tailor window.');
    return handler(input);
  });
}

const describeError = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';

/** Starts the workspace services in their own process, opening `workspace` (or the demo). */
function startService(workspace: string | undefined): { process: Electron.UtilityProcess; connection: ServiceConnection } {
  const child = utilityProcess.fork(path.join(__dirname, '..', 'services-process', 'main.js'), workspace ? [workspace] : [], {
    serviceName: 'Tailor service',
    stdio: 'inherit',
  });
  const port = {
    postMessage: (message: unknown) => child.postMessage(message),
    onMessage: (listener: (message: unknown) => void) => {
      child.on('message', listener);
      return () => child.off('message', listener);
    },
  };
  const connection = connectToService(port);
  // The proofs job asks for screenshots over the same port (services/proofs/capture-channel.ts).
  serveCaptures(port, captureInElectron);
  child.on('exit', (code) => {
    connection.lost();
    if (quitState === 'running') {
      console.error(`[tailor] The service process exited (code ${code}).`);
      dialog.showErrorBox(
        'Tailor stopped working',
        'The Tailor service stopped unexpectedly. Your saved work is in the workspace file; restart Tailor.',
      );
      quitState = 'closed';
      app.quit();
    }
  });
  connection.onEvent((event) => liveWindow()?.webContents.send(EVENTS_CHANNEL, event));
  return { process: child, connection };
}

function registerIpc(connection: ServiceConnection): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown): Promise<Envelope> | Envelope =>
      senderOk(event) ? connection.call(method, input) : UNAUTHORIZED,
    );
  }
  handleShell(SHELL_CHANNELS.flushed, (requestId) => flushGate.acknowledge(requestId));

  handleShell(SHELL_CHANNELS.pickCsv, () =>
    showOpen({
      title: 'Choose a customer file',
      properties: ['openFile'],
      filters: [
        { name: 'Customer data (CSV)', extensions: ['csv', 'txt'] },
        { name: 'All files', extensions: ['*'] },
      ],
    }),
  );

  handleShell(SHELL_CHANNELS.pickFolder, (input) => {
    const defaultPath = stringField(input, 'defaultPath');
    return showOpen({
      title: stringField(input, 'title') ?? 'Choose a folder',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      ...(defaultPath ? { defaultPath } : {}),
    });
  });

  handleShell(SHELL_CHANNELS.pickWorkspace, () =>
    showOpen({ title: 'Open workspace', properties: ['openFile'], filters: [TAILOR_FILTER] }),
  );

  handleShell(SHELL_CHANNELS.saveWorkspace, async (input) => {
    const chosen = await showSave({
      title: 'New workspace',
      buttonLabel: 'Create',
      defaultPath: stringField(input, 'defaultPath') ?? path.join(app.getPath('documents'), 'Untitled.tailor'),
      filters: [TAILOR_FILTER],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    // Linux save dialogs do not add the filter's extension themselves.
    return chosen === null || chosen.toLowerCase().endsWith('.tailor') ? chosen : `${chosen}.tailor`;
  });

  handleShell(SHELL_CHANNELS.saveCsv, async (input) => {
    const defaultPath = stringField(input, 'defaultPath');
    const chosen = await showSave({
      title: stringField(input, 'title') ?? 'Save CSV',
      ...(defaultPath ? { defaultPath } : {}),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    // Linux save dialogs do not add the filter's extension themselves.
    return chosen === null || chosen.toLowerCase().endsWith('.csv') ? chosen : `${chosen}.csv`;
  });

  handleShell(SHELL_CHANNELS.openExternal, async (input) => {
    const url = externalHttpUrl(input);
    if (!url) return false;
    await shell.openExternal(url);
    return true;
  });

  handleShell(SHELL_CHANNELS.publishPreviewFrame, (input) => {
    if (typeof input !== 'string') throw new Error('A preview frame is an HTML string.');
    return previewFrames.publish(input);
  });

  handleShell(SHELL_CHANNELS.showItemInFolder, (input) => {
    if (typeof input !== 'string' || input.includes('\0') || !path.isAbsolute(input)) return;
    shell.showItemInFolder(path.normalize(input));
  });
}

/** Serves the built renderer; nothing outside rendererDir() is reachable, whatever the URL says. */
function registerAppProtocol(): void {
  const root = rendererDir();
  const notFound = (): Response => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    if (isPreviewFrameUrl(request.url)) {
      const document = previewFrames.lookup(new URL(request.url).pathname);
      return document === undefined
        ? notFound()
        : new Response(request.method === 'HEAD' ? null : document, { status: 200, headers: previewFrameHeaders() });
    }
    const file = resolveAppAsset(root, request.url);
    if (!file) return notFound();
    // Client-side routes have no extension; they all render index.html.
    const candidates = path.extname(file) === '' ? [file, path.join(root, 'index.html')] : [file];
    for (const candidate of candidates) {
      try {
        const body = await fs.promises.readFile(candidate);
        return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(candidate) });
      } catch {
        // Missing or a directory: try the next candidate.
      }
    }
    return notFound();
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  // Copy buttons (Monaco's context menu, "copy HTML") need sanitized clipboard writes; everything else is refused.
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin);
  });
  ses.setDevicePermissionHandler(() => false);
  // Exports are written by the main process; a page (or a preview link) never downloads.
  ses.on('will-download', (event) => event.preventDefault());
}

/** Applied to every webContents, including ones we never meant to create. */
function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links with target=_blank (e.g. in an email preview) go to the system browser; no new Electron window ever opens.
      const external = externalHttpUrl(url);
      if (external) void shell.openExternal(external);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url, true)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAllowedNavigation(event.url, event.isMainFrame)) event.preventDefault();
    });
  });
}

function sendCommand(command: ShellCommand): void {
  const win = liveWindow();
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
  win.webContents.send(SHELL_COMMAND_CHANNEL, command);
}

function buildMenu(): Menu {
  const developerItems: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => sendCommand({ kind: 'openWorkspace' }) },
      { label: 'New Workspace…', accelerator: 'CmdOrCtrl+Shift+N', click: () => sendCommand({ kind: 'newWorkspace' }) },
      { type: 'separator' },
      { label: 'Show Tailor Data Folder', click: () => void shell.openPath(tailorHome()) },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...developerItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'appMenu' }] : [];
  const help: MenuItemConstructorOptions[] = isMac ? [] : [{ role: 'help', submenu: [{ role: 'about' }] }];
  const template: MenuItemConstructorOptions[] = [...appMenu, file, { role: 'editMenu' }, view, { role: 'windowMenu' }, ...help];
  return Menu.buildFromTemplate(template);
}

const flushGate = new FlushGate((requestId) => {
  const win = liveWindow();
  if (!win) throw new Error('no window');
  win.webContents.send(CLOSE_REQUEST_CHANNEL, requestId);
});

/** Windows whose page has saved (or given up on) its pending edits: they close without asking again. */
const flushedWindows = new WeakSet<BrowserWindow>();

/**
 * Let the page save pending edits (bounded by a timeout). Resolves whether the
 * window may close: a save that failed asks the user, so edits are never
 * dropped without saying so.
 */
async function flushPage(win: BrowserWindow): Promise<boolean> {
  if (flushedWindows.has(win) || win.isDestroyed()) return true;
  const outcome = await flushGate.request(FLUSH_TIMEOUT_MS);
  if (outcome === 'failed' && !win.isDestroyed()) {
    const { response } = await dialog.showMessageBox(win, {
      type: 'warning',
      buttons: ['Keep Tailor open', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      message: 'Your latest edits could not be saved.',
      detail: 'Keep Tailor open and save again (Ctrl/Cmd+S), or close and lose the unsaved changes.',
    });
    if (response === 0) return false;
  }
  flushedWindows.add(win);
  return true;
}

/** A closing window first lets the page save pending edits, then really closes. */
function flushBeforeClose(win: BrowserWindow): void {
  win.on('close', (event) => {
    if (flushedWindows.has(win)) return;
    event.preventDefault();
    void flushPage(win).then((ok) => {
      if (ok && !win.isDestroyed()) win.close();
    });
  });
}

function createWindow(): BrowserWindow {
  const work = screen.getPrimaryDisplay().workAreaSize;
  const win = new BrowserWindow({
    width: Math.min(1440, work.width),
    height: Math.min(900, work.height),
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Tailor',
    backgroundColor: '#f7f7f8',
    webPreferences: {
      preload: path.join(packageRoot(), 'dist', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  flushBeforeClose(win);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[tailor] The window could not load the app:', error);
  });
  return win;
}

async function closeTailor(): Promise<void> {
  if (!service) return;
  const { process: child, connection } = service;
  if ((await connection.close(CLOSE_TIMEOUT_MS)) === 'timeout') console.error('[tailor] The service did not close in time; stopping it.');
  child.kill();
}

async function start(): Promise<void> {
  await app.whenReady();
  if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) {
    dialog.showErrorBox('Tailor is not built', `No renderer was found in ${rendererDir()}.\nRun "npm run build" and start again.`);
    app.quit();
    return;
  }
  registerAppProtocol();
  hardenSession();
  const requested = pendingWorkspace;
  pendingWorkspace = undefined;
  service = startService(requested);
  registerIpc(service.connection);
  Menu.setApplicationMenu(buildMenu());

  const { startupError } = await service.connection.ready;
  const win = (mainWindow = createWindow());
  if (startupError !== null) {
    win.once('ready-to-show', () => {
      void dialog.showMessageBox(win, {
        type: 'warning',
        message: requested ? `Tailor could not open ${requested}.` : 'Tailor could not open the demo workspace.',
        detail: startupError,
      });
    });
  }
}

function main(): void {
  // TAILOR_HOME must move Electron's own data too, so desktop and browser mode keep sharing one folder.
  app.setPath('userData', tailorHome());
  const requested = requestedWorkspace(process.argv, app.isPackaged, process.cwd());
  if (!app.requestSingleInstanceLock({ workspace: requested ?? null })) {
    app.quit();
    return;
  }
  pendingWorkspace = requested;

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
  guardWebContents();

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const fromData = stringField(additionalData, 'workspace');
    const workspace = fromData ?? requestedWorkspace(argv, app.isPackaged, workingDirectory);
    const win = liveWindow();
    if (!win) return;
    if (workspace) sendCommand({ kind: 'openWorkspaceAt', path: workspace });
    else {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // macOS hands double-clicked .tailor files over with this event, possibly before ready.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (liveWindow()) sendCommand({ kind: 'openWorkspaceAt', path: filePath });
    else pendingWorkspace = filePath;
  });

  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && service && !liveWindow() && quitState === 'running') mainWindow = createWindow();
  });

  app.on('before-quit', (event) => {
    if (quitState === 'closed') return;
    event.preventDefault();
    if (quitState === 'closing') return;
    quitState = 'closing';
    void (async () => {
      // Electron fires before-quit before it closes windows: the page must save while the service still runs.
      const win = liveWindow();
      if (win && !(await flushPage(win))) {
        quitState = 'running';
        return;
      }
      await closeTailor().catch((error: unknown) => console.error('[tailor] The service did not close cleanly:', error));
      quitState = 'closed';
      app.quit();
    })();
  });

  start().catch((error: unknown) => {
    console.error('[tailor] Startup failed:', error);
    dialog.showErrorBox('Tailor could not start', describeError(error));
    quitState = 'closed';
    app.exit(1);
  });
}

main();
