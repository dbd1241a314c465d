import fs from 'node:fs';
import path from 'node:path';
import { FileProblem } from './text';

/** Enough to recognise binary content, UTF-16 and the header line without reading the whole file. */
export const SNIFF_BYTES = 64 * 1024;
export const READ_CHUNK_BYTES = 256 * 1024;

export interface SourceFile {
  path: string;
  /** Name shown in messages and history (browser uploads arrive under a temporary path). */
  name: string;
  size: number;
  sample: Buffer;
}

/** Check that `file` is a readable, non-empty regular file and read its first bytes. */
export function openSource(file: string, name: string): SourceFile {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileProblem(`Cannot import ${name}: there is no file at ${file}. Check the path and try again.`);
    if (code === 'EACCES' || code === 'EPERM') throw new FileProblem(`Cannot import ${name}: Tailor is not allowed to read ${file}.`);
    throw new FileProblem(`Cannot import ${name}: ${(error as Error).message}`);
  }
  if (stat.isDirectory()) throw new FileProblem(`Cannot import ${name}: ${file} is a folder. Pick a .csv file inside it.`);
  if (!stat.isFile()) throw new FileProblem(`Cannot import ${name}: ${file} is not a regular file.`);
  if (stat.size === 0) throw new FileProblem(`Cannot import ${name}: the file is empty.`);
  const fd = fs.openSync(file, 'r');
  try {
    const sample = Buffer.alloc(Math.min(SNIFF_BYTES, stat.size));
    const n = fs.readSync(fd, sample, 0, sample.length, 0);
    return { path: file, name, size: stat.size, sample: sample.subarray(0, n) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's bytes in chunks, from the start. */
export async function* readChunks(file: string): AsyncGenerator<Buffer> {
  const stream = fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } finally {
    stream.destroy();
  }
}

export const displayNameOf = (resolved: string, displayName?: string): string => displayName?.trim() || path.basename(resolved);
