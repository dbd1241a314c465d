import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zip, type AsyncZippable } from 'fflate';
import { ContractError } from '../../../shared/contract/envelope';
import { makeDirs } from '../make-dirs';

/** PNGs are compressed already: storing them saves time and costs nothing. */
const STORED = /\.png$/i;

/** Zips the files, off this thread (fflate's async zip runs in worker threads). */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const input: AsyncZippable = {};
  for (const [name, data] of files) input[name] = [data, { level: STORED.test(name) ? 0 : 6 }];
  return new Promise((resolve, reject) => zip(input, { mtime: new Date() }, (error, data) => (error ? reject(error) : resolve(data))));
}

/**
 * Writes the zip as a new file in `dir`, never over an existing one: first
 * under a random hidden name created exclusively, then renamed to the first
 * free `<base>.zip`, `<base> (2).zip`… so a killed run leaves no half zip
 * under the real name.
 */
export function writeNewZip(dir: string, base: string, data: Uint8Array): string {
  try {
    makeDirs(dir);
  } catch (error) {
    throw new ContractError('invalid_input', `Cannot create the folder ${dir} for the proofs: ${(error as Error).message}.`);
  }
  const temp = path.join(dir, `.tailor-proofs-${randomBytes(6).toString('hex')}.zip`);
  fs.writeFileSync(temp, data, { flag: 'wx', mode: 0o644 });
  try {
    for (let n = 1; n < 1000; n++) {
      const target = path.join(dir, n === 1 ? `${base}.zip` : `${base} (${n}).zip`);
      if (fs.existsSync(target)) continue;
      // link + unlink rather than rename: link fails if the name appeared meanwhile, rename would overwrite it.
      try {
        fs.linkSync(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        fs.renameSync(temp, target); // File systems without hard links: the name was free a moment ago.
        return target;
      }
      return target;
    }
    throw new ContractError('conflict', `${dir} already holds too many proofs named ${base}. Choose another folder.`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
