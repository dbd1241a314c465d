import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../shared/contract/envelope';
import type { AudienceOutcome } from '../../../shared/esp/audience/audience-outcome';
import { type DialectAttribute, ESP_NAMES, type EspId } from '../../../shared/esp/esp';
import type { Db } from '../../workspace/db';
import type { JobControl, JobKindSpec } from '../jobs';
import { makeDirs } from '../make-dirs';
import { runOnOwnThread } from '../own-thread';
import type { AudienceProgress } from './audience';
import { audienceTargetProblem, partialFileFor } from './audience-target';
import type { AudienceTask } from './worker';

function existing(target: string): 'none' | 'file' | 'directory' {
  try {
    return fs.statSync(target).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'none';
  }
}

/** Refuses a target the audience may not be written to (see audienceTargetProblem), before any job starts. */
export function checkAudienceTarget(db: Db, target: string, replace: boolean): void {
  const problem = audienceTargetProblem({ target, workspace: db.name, existing: existing(target), replace });
  if (problem) throw new ContractError(problem.exists ? 'conflict' : 'invalid_input', problem.message);
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * The audience export as a job: a thread of its own pages the segment's
 * members into a temporary file next to the target (`writeAudience`); only a
 * complete file is renamed onto the target, so a cancelled or failed export
 * leaves no partial CSV behind (the temporary file is removed once the thread
 * has stopped).
 */
export async function exportAudience(
  db: Db,
  options: {
    segment: { id: number; name: string };
    esp: EspId;
    /** Computed in the job: converting the template is itself work. */
    derived: () => Promise<DialectAttribute[]>;
    target: string;
    replace: boolean;
  },
  control: Pick<JobControl, 'signal' | 'progress'>,
): Promise<AudienceOutcome> {
  const { segment, esp, target } = options;
  const base = { esp, segment, columns: [] as string[], rows: 0, neutralised: 0, path: null };
  const derived = await options.derived();
  try {
    makeDirs(path.dirname(target));
  } catch (error) {
    throw new ContractError(
      'bad_file',
      `Cannot create the folder ${path.dirname(target)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const file = partialFileFor(target, randomBytes(6).toString('hex'));
  const task: Omit<AudienceTask, 'port'> = { workspace: db.name, segmentId: segment.id, esp, derived, file };
  try {
    const run = await runOnOwnThread<{ columns: string[]; rows: number; neutralised: number }, AudienceProgress>(
      __filename,
      'audienceTask',
      task,
      { signal: control.signal, progress: ({ rows, total }) => control.progress({ done: rows, total, rows }) },
    );
    if (run.cancelled) return { ...base, status: 'cancelled', message: 'Audience export cancelled; no file was written.' };
    // Checked again at the end: a file may have appeared at the target while the job ran.
    checkAudienceTarget(db, target, options.replace);
    fs.renameSync(file, target);
    const { rows, neutralised, columns } = run.result;
    const notes =
      neutralised > 0 ? ` ${plural(neutralised, 'value')} that a spreadsheet would run as a formula start with an apostrophe.` : '';
    return {
      ...base,
      columns,
      rows,
      neutralised,
      path: target,
      status: 'succeeded',
      message: `Wrote ${plural(rows, 'contact')} of "${segment.name}" for ${ESP_NAMES[esp]} to ${target}.${notes}`,
    };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** An audience export: progress in contacts written; a file outside the workspace, so no data changes. */
export const ESP_AUDIENCE: JobKindSpec<'esp.audience'> = {
  kind: 'esp.audience',
  unit: 'rows',
  outcome: (result) => ({ status: result.status, message: result.message }),
  changes: [],
};
