import type { MessagePort } from 'node:worker_threads';
import type { RoundTripReport } from '../../../shared/contract/esp-schemas';
import type { DialectAttribute, EspId } from '../../../shared/esp/esp';
import { onTaskConnection } from '../../workspace/task-connection';
import { type AudienceProgress, writeAudience } from './audience';
import { minifyDialect } from './minify-dialect';
import { compareRoundTrip, type RoundTripInput } from './round-trip-compare';

/**
 * Worker-thread entries (piscina tasks, run through `runOnOwnThread`) of the
 * ESP export: the audience CSV (a segment's members, paged on a read-only
 * connection of its own) and the finishing of an export (minify, then the
 * round-trip comparison for every persona). A cancel terminates the thread.
 */

export interface AudienceTask {
  workspace: string;
  segmentId: number;
  esp: EspId;
  derived: DialectAttribute[];
  /** The temporary file to create; the host renames it onto the target, or removes it. */
  file: string;
  port: MessagePort;
}

export function audienceTask(task: AudienceTask): Promise<{ columns: string[]; rows: number; neutralised: number }> {
  return onTaskConnection(
    task,
    (db) =>
      writeAudience(db, {
        segmentId: task.segmentId,
        esp: task.esp,
        derived: task.derived,
        file: task.file,
        progress: (update: AudienceProgress) => task.port.postMessage(update),
      }),
    { readonly: true },
  );
}

export interface FinishExportTask extends Omit<RoundTripInput, 'exported'> {
  /** The converted HTML, before minifying. */
  source: string;
  minify: boolean;
  port?: MessagePort;
}

/** Minify when asked, then check exactly that HTML: the source written and its round-trip report. */
export async function finishExportTask(task: FinishExportTask): Promise<{ source: string; report: RoundTripReport }> {
  try {
    const source = task.minify ? await minifyDialect(task.source) : task.source;
    return { source, report: compareRoundTrip({ ...task, exported: source }) };
  } finally {
    task.port?.close();
  }
}
