import { BrowserWindow, session, type Session } from 'electron';
import { allowedProofRequest } from '../services/proofs/capture';

let proofSession: Session | undefined;

/** An in-memory session of its own: nothing but inline data loads, no permission is granted, nothing persists. */
function captureSession(): Session {
  if (proofSession) return proofSession;
  const ses = session.fromPartition('tailor-proofs');
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedProofRequest(details.url) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  proofSession = ses;
  return ses;
}

interface LayoutMetrics {
  cssContentSize: { width: number; height: number };
}

/**
 * A full-page PNG of an untrusted email, taken by the desktop shell with
 * Electron's own Chromium: a hidden, sandboxed window with JavaScript off,
 * in a session that blocks every request but inline data; the DevTools
 * protocol measures the page and captures beyond the viewport.
 */
export async function captureInElectron(html: string, width: number): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    width,
    height: 100,
    useContentSize: true,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, session: captureSession() },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    const devtools = window.webContents.debugger;
    devtools.attach('1.3');
    const metrics = (await devtools.sendCommand('Page.getLayoutMetrics')) as LayoutMetrics;
    const height = Math.max(1, Math.ceil(metrics.cssContentSize.height));
    const shot = (await devtools.sendCommand('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width, height, scale: 1 },
    })) as { data: string };
    return new Uint8Array(Buffer.from(shot.data, 'base64'));
  } finally {
    window.destroy();
  }
}
