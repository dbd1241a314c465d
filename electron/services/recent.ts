import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace } from '../../shared/contract/schemas';
import { workspaceName } from '../workspace/session';
import { tailorHome } from './paths';

const Stored = z.array(z.object({ path: z.string(), openedAt: z.string() }));
const LIMIT = 12;

/** Most recently opened workspaces, newest first, in tailorHome()/recent.json. */
export class RecentWorkspaces {
  private file(): string {
    return path.join(tailorHome(), 'recent.json');
  }

  private read(): z.infer<typeof Stored> {
    try {
      const parsed = Stored.safeParse(JSON.parse(fs.readFileSync(this.file(), 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      // A missing or corrupt list is not worth bothering the user about: it is rebuilt as they open workspaces.
      return [];
    }
  }

  list(): RecentWorkspace[] {
    return this.read().map((entry) => ({
      path: entry.path,
      name: workspaceName(entry.path),
      openedAt: entry.openedAt,
      exists: fs.existsSync(entry.path),
    }));
  }

  touch(workspacePath: string): void {
    const entries = [
      { path: workspacePath, openedAt: new Date().toISOString() },
      ...this.read().filter((entry) => entry.path !== workspacePath),
    ].slice(0, LIMIT);
    fs.mkdirSync(path.dirname(this.file()), { recursive: true });
    const tmp = `${this.file()}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(entries, null, 2));
    fs.renameSync(tmp, this.file());
  }
}
