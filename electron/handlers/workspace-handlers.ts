import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import type { WorkspaceInfo } from '../../shared/contract/schemas';
import { appVersion } from '../services/paths';
import { compact } from '../workspace/compact';
import { openDatabase } from '../workspace/db';
import { defaultAsOf } from '../workspace/default-as-of';
import { SCHEMA_VERSION } from '../workspace/migrations';
import { populateDemo } from '../workspace/demo';
import type { OpenWorkspace } from '../workspace/session';
import type { HandlerContext } from './context';

const count = (workspace: OpenWorkspace, table: string): number =>
  workspace.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

export function workspaceInfo(workspace: OpenWorkspace): WorkspaceInfo {
  return {
    path: workspace.path,
    name: workspace.name,
    schemaVersion: SCHEMA_VERSION,
    counts: {
      customers: count(workspace, 'customers'),
      orders: count(workspace, 'orders'),
      events: count(workspace, 'events'),
      templates: count(workspace, 'templates'),
      segments: count(workspace, 'segments'),
    },
    defaultAsOf: defaultAsOf(workspace.db),
  };
}

/** "~/x" means the home folder on every platform; a bare name gets the .tailor extension. */
export function normalizeWorkspacePath(input: string): string {
  const expanded = input.startsWith('~') ? path.join(os.homedir(), input.slice(1)) : input;
  const withExt = path.extname(expanded) ? expanded : `${expanded}.tailor`;
  return path.resolve(withExt);
}

/** The recent list is a convenience: failing to write it must not turn a successful switch into an error. */
function rememberRecent(ctx: HandlerContext, workspacePath: string): void {
  try {
    ctx.recent.touch(workspacePath);
  } catch (error) {
    console.warn(`tailor: could not update the recent workspaces list: ${(error as Error).message}`);
  }
}

export function workspaceHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'app.info' | 'workspace.current' | 'workspace.open' | 'workspace.create' | 'workspace.recent' | 'workspace.compact'> {
  return {
    'app.info': () => ({
      version: appVersion(),
      host: ctx.host,
      nativeDialogs: ctx.nativeDialogs,
      homeDir: os.homedir(),
    }),
    'workspace.current': () => {
      const current = ctx.session.get();
      return current ? workspaceInfo(current) : null;
    },
    'workspace.open': async ({ path: file }) => {
      const resolved = normalizeWorkspacePath(file);
      const current = ctx.session.get();
      if (current?.path === resolved) return workspaceInfo(current);
      // Validate the new file before touching the current workspace or its running jobs.
      const db = openDatabase(resolved, { create: false });
      await ctx.jobs.cancelAll();
      const workspace = ctx.session.adopt(resolved, db);
      rememberRecent(ctx, workspace.path);
      return workspaceInfo(workspace);
    },
    'workspace.create': async ({ path: file, demo }) => {
      const resolved = normalizeWorkspacePath(file);
      if (fs.existsSync(resolved)) {
        throw new ContractError('conflict', `${resolved} already exists. Open it, or pick another name for the new workspace.`);
      }
      const db = openDatabase(resolved, { create: true });
      try {
        if (demo) await populateDemo(db);
      } catch (error) {
        db.close();
        fs.rmSync(resolved, { force: true });
        throw error;
      }
      await ctx.jobs.cancelAll();
      const workspace = ctx.session.adopt(resolved, db);
      rememberRecent(ctx, workspace.path);
      return workspaceInfo(workspace);
    },
    'workspace.recent': () => ctx.recent.list(),
    'workspace.compact': () => compact(ctx.session.require().db),
  };
}
