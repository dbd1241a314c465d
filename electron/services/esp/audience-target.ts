import path from 'node:path';

/**
 * Where an audience CSV may be written, as a pure decision: never over the
 * workspace or another Tailor workspace (a `.tailor` file), never over a
 * folder, and over an existing file only when the user said to replace it.
 * Returns what is wrong (`exists` when only replacing would do), or null when the path is fine.
 */
export function audienceTargetProblem(options: {
  target: string;
  workspace: string;
  /** What is at `target` now: nothing, a file or a folder. */
  existing: 'none' | 'file' | 'directory';
  replace: boolean;
}): { message: string; exists: boolean } | null {
  const { target, workspace, existing } = options;
  const refuse = (message: string) => ({ message, exists: false });
  if (!path.isAbsolute(target)) return refuse(`Give a full path for the CSV file, not "${target}".`);
  if (path.resolve(target) === path.resolve(workspace)) return refuse(`${target} is the workspace; choose another file for the CSV.`);
  if (path.extname(target).toLowerCase() === '.tailor') return refuse(`${target} is a Tailor workspace file; choose a .csv file.`);
  if (existing === 'directory') return refuse(`${target} is a folder; give a file name for the CSV inside it.`);
  if (existing === 'file' && !options.replace)
    return { message: `${target} already exists. Replace it, or choose another name.`, exists: true };
  return null;
}

/** The temporary file rows go to before the finished CSV is renamed onto the target: same folder, so the rename is atomic. */
export function partialFileFor(target: string, nonce: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${nonce}.partial`);
}
