import type { MessageEvent as ElectronMessageEvent } from 'electron';
import { createApp } from '../services/app';
import { openInitialWorkspace } from '../services/startup';
import { serveOverPort, type FromService, type Port } from './protocol';
import { portCapturer } from '../services/proofs/capture-channel';
import { useDesktopCapturer } from '../services/proofs/capturer-for-host';

/*
 * Entry of the Electron utilityProcess that runs the workspace services
 * (SQLite, import, the render pool's host side), so the window's main process
 * only relays messages and never waits on them. Started by electron/main with
 * the workspace to open, if any, as its one argument.
 */

/**
 * The port to the parent: Electron's parentPort in the app; Node's fork IPC
 * channel otherwise, which is how the tests start this very entry.
 */
function parentPort(): Port {
  const electronPort = (process as Partial<Pick<NodeJS.Process, 'parentPort'>>).parentPort;
  if (electronPort) {
    return {
      postMessage: (message) => electronPort.postMessage(message),
      onMessage: (listener) => {
        const relay = (event: ElectronMessageEvent) => listener(event.data);
        electronPort.on('message', relay);
        return () => electronPort.off('message', relay);
      },
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The Tailor service must be started by the app (utilityProcess) or with an IPC channel (fork).');
  return {
    postMessage: (message) => send(message),
    onMessage: (listener) => {
      process.on('message', listener);
      return () => process.off('message', listener);
    },
  };
}

const port = parentPort();
// Proof screenshots are taken by the shell (electron/main/capture-page.ts), which has windows; this process has none.
useDesktopCapturer(portCapturer(port));

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function main(): Promise<void> {
  const tailor = createApp({
    host: 'desktop',
    nativeDialogs: true,
    onInternalError: (method, error) => console.error(`[tailor] ${method} failed:`, error),
  });
  serveOverPort(
    port,
    { dispatch: tailor.dispatch, subscribe: (listener) => tailor.events.subscribe(listener), close: () => tailor.close() },
    () => process.exit(0),
  );

  const requested = process.argv[2] || undefined;
  let startupError: string | null = null;
  let workspace: string | null = null;
  try {
    workspace = await openInitialWorkspace(tailor, requested);
  } catch (error) {
    startupError = describe(error);
    console.error(`[tailor] Could not open ${requested ?? 'the demo workspace'}:`, error);
    // A bad path on the command line should not leave the user in an empty studio: fall back to the demo.
    if (requested !== undefined) {
      workspace = await openInitialWorkspace(tailor).catch((demoError: unknown) => {
        console.error('[tailor] Could not open the demo workspace either:', demoError);
        return null;
      });
    }
  }
  port.postMessage({ type: 'ready', startupError, workspace } satisfies FromService);
}

main().catch((error: unknown) => {
  console.error('[tailor] The service process could not start:', error);
  process.exit(1);
});
