import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ShellCommand, TailorApi, TailorEvents, TailorShell } from '../../renderer/platform/shell-bridge';
import { METHOD_NAMES, ipcChannel } from '../../shared/contract/methods';
import { CLOSE_REQUEST_CHANNEL, EVENTS_CHANNEL, SHELL_CHANNELS, SHELL_COMMAND_CHANNEL, isShellCommand } from './shell-channels';

/*
 * Runs sandboxed: only 'electron' can be required, so Vite bundles everything
 * else in. The page gets one fixed function per contract method and per shell
 * action; never ipcRenderer or a generic invoke(channel), which would let any
 * script in the page reach channels it was not meant to.
 */

const tailorApi = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
) as TailorApi;

const optionalPath = (options: { defaultPath?: string } | undefined): { defaultPath?: string } =>
  typeof options?.defaultPath === 'string' ? { defaultPath: options.defaultPath } : {};

const tailorShell: TailorShell = {
  pickCsv: () => ipcRenderer.invoke(SHELL_CHANNELS.pickCsv) as Promise<string | null>,
  pickFolder: (options) =>
    ipcRenderer.invoke(SHELL_CHANNELS.pickFolder, {
      ...optionalPath(options),
      ...(typeof options?.title === 'string' ? { title: options.title } : {}),
    }) as Promise<string | null>,
  pickWorkspace: () => ipcRenderer.invoke(SHELL_CHANNELS.pickWorkspace) as Promise<string | null>,
  saveWorkspace: (options) => ipcRenderer.invoke(SHELL_CHANNELS.saveWorkspace, optionalPath(options)) as Promise<string | null>,
  openExternal: (url) => ipcRenderer.invoke(SHELL_CHANNELS.openExternal, String(url)) as Promise<boolean>,
  showItemInFolder: (path) => ipcRenderer.invoke(SHELL_CHANNELS.showItemInFolder, String(path)) as Promise<void>,
  saveCsv: (options) =>
    ipcRenderer.invoke(SHELL_CHANNELS.saveCsv, {
      ...optionalPath(options),
      ...(typeof options?.title === 'string' ? { title: options.title } : {}),
    }) as Promise<string | null>,
  publishPreviewFrame: (document) => ipcRenderer.invoke(SHELL_CHANNELS.publishPreviewFrame, String(document)) as Promise<string>,
  pathForFile: (file) => webUtils.getPathForFile(file),
  onCommand: (listener) => {
    // Only the validated payload crosses over; the IPC event (and its sender) stays here.
    const relay = (_event: IpcRendererEvent, payload: unknown): void => {
      if (isShellCommand(payload)) listener(payload satisfies ShellCommand);
    };
    ipcRenderer.on(SHELL_COMMAND_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(SHELL_COMMAND_CHANNEL, relay);
    };
  },
  onCloseRequest: (flush) => {
    const relay = (_event: IpcRendererEvent, requestId: unknown): void => {
      if (typeof requestId !== 'number') return;
      // Always answer, saying whether the edits were saved: main then closes, or asks the user first.
      void Promise.resolve()
        .then(flush)
        .then(
          () => true,
          () => false,
        )
        .then((ok) => void ipcRenderer.invoke(SHELL_CHANNELS.flushed, { requestId, ok }));
    };
    ipcRenderer.on(CLOSE_REQUEST_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(CLOSE_REQUEST_CHANNEL, relay);
    };
  },
};

/** One subscribe function; the page validates each event against the contract. */
const tailorEvents: TailorEvents = {
  subscribe: (listener) => {
    const relay = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(EVENTS_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENTS_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('tailorApi', tailorApi);
contextBridge.exposeInMainWorld('tailorShell', tailorShell);
contextBridge.exposeInMainWorld('tailorEvents', tailorEvents);
