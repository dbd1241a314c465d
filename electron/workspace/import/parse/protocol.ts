import type { MessagePort } from 'node:worker_threads';
import type { AheadPlans } from '../ahead';
import type { Dialect } from '../dialect';
import type { PackedRecords } from './packed-records';

/** Messages between the import and its parse thread (see read-in-thread.ts). */

export interface ParseTask {
  file: string;
  encoding: string;
  dialect: Dialect;
  /** Records per message. */
  batchRecords: number;
  /** Records go out on it; acks come back on it. */
  port: MessagePort;
}

export type ParseMessage =
  /** Records in flat arrays (packed-records.ts): cheaper to clone than an object per row. */
  | { kind: 'records'; packed: PackedRecords; bytes: number }
  | { kind: 'done' }
  /** The read failed (the file vanished, say): its message and errno code, which a rejected task would not carry across. */
  | { kind: 'failed'; message: string; code?: string };

/**
 * Back to the thread: `ack` once a batch is consumed (the thread keeps at most MAX_IN_FLIGHT batches
 * unconsumed, which bounds memory); `plans` once the header is mapped, the row work to do ahead (ahead.ts).
 */
export type ParseAck = { kind: 'ack' } | { kind: 'plans'; plans: AheadPlans };

export const MAX_IN_FLIGHT = 4;
