import fs from 'node:fs';
import type { TailorApp } from './app';
import { demoWorkspacePath } from './paths';

/**
 * What a host opens at launch: the workspace asked for, else the demo
 * workspace, generated on first run so a new user sees a working studio at
 * once. Returns the path that was opened.
 */
export async function openInitialWorkspace(app: TailorApp, requested?: string): Promise<string> {
  if (requested) {
    const info = await app.client.call('workspace.open', { path: requested });
    return info.path;
  }
  const demo = demoWorkspacePath();
  const info = fs.existsSync(demo)
    ? await app.client.call('workspace.open', { path: demo })
    : await app.client.call('workspace.create', { path: demo, demo: true });
  return info.path;
}
