import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContractError } from '../../shared/contract/envelope';
import type { ExportResult } from '../../shared/contract/schemas';
import { headerWords } from '../../shared/fields/naming';
import { makeDirs } from './make-dirs';

/**
 * Where an export's files go, and how they get there. Each export is built in
 * a fresh hidden folder next to its target, every file created exclusively
 * under a random name and renamed into place, and the manifest written last;
 * only then is the folder moved to its final name. A killed export therefore
 * leaves a hidden folder without a manifest, never a half-replaced export.
 */

export const MANIFEST_NAME = 'tailor-export.json';

export const ExportManifest = z.object({
  format: z.literal('tailor-export'),
  version: z.literal(1),
  template: z.string(),
  exportedAt: z.string(),
  files: z.array(
    z.object({
      path: z.string(),
      kind: z.enum(['compiled', 'text', 'persona', 'variants']),
      bytes: z.number().int(),
      sha256: z.string(),
    }),
  ),
});
export type ExportManifest = z.infer<typeof ExportManifest>;

type FileKind = ExportResult['files'][number]['kind'];

export const slug = (name: string): string => headerWords(name).join('-') || 'email';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `segment-offer 2026-12-01 15-04`: the template and the local time, minute precision, safe on every file system. */
export function exportFolderName(template: string, at: Date): string {
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${slug(template)} ${day} ${pad(at.getHours())}-${pad(at.getMinutes())}`;
}

/** A folder name a caller may ask for: one plain path segment, not hidden (our staging folders are). */
export function folderNameProblem(name: string): string | null {
  if (name.trim() !== name || name === '') return 'it is empty or starts or ends with a space';
  if (/[/\\]/.test(name)) return 'it holds a path separator; give the parent folder separately';
  if (name.startsWith('.')) return 'it starts with a dot';
  if (/[<>:"|?*]/.test(name) || [...name].some((char) => char.charCodeAt(0) < 0x20))
    return 'it holds a character some systems do not allow in file names';
  return null;
}

/** The export's manifest, or null when the folder holds none (or one that is not ours). */
export function readManifest(folder: string): ExportManifest | null {
  try {
    const file = path.join(folder, MANIFEST_NAME);
    if (!fs.lstatSync(file).isFile()) return null;
    const parsed = ExportManifest.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const reason = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'you do not have permission to write there';
    case 'EROFS':
      return 'it is on a read-only disk';
    case 'ENOTDIR':
      return 'part of that path is a file, not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOENT':
      return 'that location does not accept new folders';
    default:
      return (error as Error).message;
  }
};

const unwritable = (where: string, error: unknown): ContractError =>
  new ContractError('bad_file', `Cannot export to ${where}: ${reason(error)}. Pick a folder you can write to.`);

/** What is at `file`, if anything; an unreadable path is reported when the folder is created. */
function lstatOrNothing(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

const STAGING_PREFIX = '.tailor-export-';
const REPLACED_PREFIX = '.tailor-replaced-';
/** Older than this, a staging folder belongs to an export that was killed, not to one still running. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Remove what killed exports left in `parent`: hidden, never a complete export, and otherwise kept forever. */
function sweepStale(parent: string, now: number): void {
  try {
    for (const entry of fs.readdirSync(parent, { withFileTypes: true })) {
      if (!entry.isDirectory() || !(entry.name.startsWith(STAGING_PREFIX) || entry.name.startsWith(REPLACED_PREFIX))) continue;
      const full = path.join(parent, entry.name);
      if (now - fs.statSync(full).mtimeMs > STALE_AFTER_MS) fs.rmSync(full, { recursive: true, force: true });
    }
  } catch {
    // Tidying is a courtesy; the export itself reports any real problem with the folder.
  }
}

const randomName = (): string => `.${crypto.randomBytes(12).toString('hex')}.tmp`;

/** One export being written. `open` checks the target, `add` writes files, `publish` makes it visible. */
export class ExportWriter {
  private readonly files: ExportManifest['files'] = [];

  private constructor(
    readonly target: string,
    private readonly staging: string,
    private readonly replacing: boolean,
  ) {}

  /**
   * Check the target and create the staging folder. Refuses an existing
   * folder unless `replace` is set and it holds a Tailor export manifest: an
   * arbitrary folder is never replaced.
   */
  static open(parent: string, folder: string, replace: boolean): ExportWriter {
    const problem = folderNameProblem(folder);
    if (problem) throw new ContractError('invalid_input', `"${folder}" cannot be an export folder name: ${problem}.`);
    const parentDir = path.resolve(parent);
    const target = path.join(parentDir, folder);
    const existing = lstatOrNothing(target);
    if (existing) {
      if (!replace) {
        throw new ContractError(
          'conflict',
          `${target} already exists. Replace the export in it, or export into a new folder (another name or parent folder).`,
        );
      }
      if (!existing.isDirectory() || readManifest(target) === null) {
        throw new ContractError(
          'conflict',
          `${target} is not a Tailor export (it has no ${MANIFEST_NAME}), so Tailor will not replace it. Pick another folder name.`,
        );
      }
    }
    try {
      makeDirs(parentDir);
      sweepStale(parentDir, Date.now());
      const staging = fs.mkdtempSync(path.join(parentDir, STAGING_PREFIX));
      return new ExportWriter(target, staging, existing !== undefined);
    } catch (error) {
      throw unwritable(parentDir, error);
    }
  }

  /** Write one file at `relative` (forward slashes) inside the export; returns its final path. */
  add(relative: string, content: string, kind: FileKind): { path: string; kind: FileKind; bytes: number } {
    const bytes = Buffer.from(content);
    this.writeFile(relative, bytes);
    this.files.push({ path: relative, kind, bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    return { path: path.join(this.target, ...relative.split('/')), kind, bytes: bytes.length };
  }

  /** Write the manifest, then move the folder to its final name (swapping out the export it replaces). */
  publish(template: string, at: Date): { manifest: string; replaced: boolean } {
    const manifest: ExportManifest = { format: 'tailor-export', version: 1, template, exportedAt: at.toISOString(), files: this.files };
    this.writeFile(MANIFEST_NAME, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    try {
      if (this.replacing) {
        const old = path.join(path.dirname(this.target), `${REPLACED_PREFIX}${crypto.randomBytes(6).toString('hex')}`);
        fs.renameSync(this.target, old);
        fs.renameSync(this.staging, this.target);
        fs.rmSync(old, { recursive: true, force: true });
      } else {
        // rename() would quietly replace an empty folder created meanwhile; refuse that too.
        if (fs.existsSync(this.target)) throw new ContractError('conflict', `${this.target} appeared while exporting. Export again.`);
        fs.renameSync(this.staging, this.target);
      }
    } catch (error) {
      if (error instanceof ContractError) throw error;
      throw unwritable(this.target, error);
    }
    return { manifest: path.join(this.target, MANIFEST_NAME), replaced: this.replacing };
  }

  /** Drop everything written so far; the target is as it was. */
  abandon(): void {
    fs.rmSync(this.staging, { recursive: true, force: true });
  }

  private writeFile(relative: string, content: Buffer): void {
    const final = path.join(this.staging, ...relative.split('/'));
    const dir = path.dirname(final);
    const tmp = path.join(dir, randomName());
    try {
      if (!fs.existsSync(dir)) fs.mkdirSync(dir);
      // Exclusive create: a name planted in the folder (a symlink, say) is an error, never followed.
      fs.writeFileSync(tmp, content, { flag: 'wx' });
      fs.renameSync(tmp, final);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw unwritable(this.target, error);
    }
  }
}
