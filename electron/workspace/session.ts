import path from 'node:path';
import { ContractError } from '../../shared/contract/envelope';
import { compactIfWasteful } from './compact';
import { openDatabase, type Db } from './db';

export interface OpenWorkspace {
  readonly db: Db;
  readonly path: string;
  readonly name: string;
}

/** The workspace a host has open. One per process; switching closes the previous file. */
export class WorkspaceSession {
  private current: OpenWorkspace | null = null;

  get(): OpenWorkspace | null {
    return this.current;
  }

  /** The open workspace, or a no_workspace error a UI can act on. */
  require(): OpenWorkspace {
    if (!this.current) throw new ContractError('no_workspace', 'No workspace is open. Open or create one first.');
    return this.current;
  }

  open(file: string, { create }: { create: boolean }): OpenWorkspace {
    const resolved = path.resolve(file);
    if (this.current?.path === resolved) return this.current;
    return this.adopt(resolved, openDatabase(resolved, { create }));
  }

  /**
   * Make an already-opened database the current workspace. Opening first and
   * swapping second means a path that fails to open leaves the current
   * workspace (and anything running in it) untouched.
   */
  adopt(resolved: string, db: Db): OpenWorkspace {
    this.close();
    this.current = { db, path: resolved, name: workspaceName(resolved) };
    return this.current;
  }

  close(): void {
    if (!this.current) return;
    // Large deletions leave free pages behind; give them back while nothing else uses the file.
    try {
      compactIfWasteful(this.current.db);
    } catch {
      // Compaction is a saving, not a duty: a busy or full disk must not stop the close.
    }
    // Fold the WAL back into the main file so the workspace is a single file at rest.
    this.current.db.pragma('wal_checkpoint(TRUNCATE)');
    this.current.db.close();
    this.current = null;
  }
}

export const workspaceName = (file: string): string => path.basename(file).replace(/\.tailor$/i, '');
