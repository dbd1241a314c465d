import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { workerEntry } from '../../../services/worker-entry';
import type { AheadPlans } from '../ahead';
import type { Dialect } from '../dialect';
import type { CsvRecord, ReaderEvents } from '../records';
import { unpackRecords } from './packed-records';
import type { ParseAck, ParseMessage, ParseTask } from './protocol';

const PARSE_THREAD_HEAP_MB = 96;

/** How the import hands the parse thread its row work once the header is mapped; set by the reader. */
export interface AheadLink {
  send?: (plans: AheadPlans) => void;
}

/**
 * The reader (records.ts) on a thread of its own: the same records, in the
 * same order, while this thread runs the steps and writes to SQLite, so on
 * two cores parsing and inserting overlap. Leaving the loop early (a cancel,
 * a failure) stops the thread. With `events.ahead`, the import can send it
 * row work to do ahead of the steps (ahead.ts).
 */
export async function* readRecordsInThread(
  file: string,
  encoding: string,
  dialect: Dialect,
  events: ReaderEvents & { ahead?: AheadLink },
  batchRecords = 2000,
): AsyncGenerator<CsvRecord[]> {
  const { filename, execArgv } = workerEntry(__filename, () => require.resolve('tsx'));
  const pool = new Piscina({
    filename,
    name: 'parseTask',
    execArgv,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 0,
    // It holds a chunk, one unfinished record (at most MAX_RECORD_CHARS) and MAX_IN_FLIGHT batches: a small
    // heap makes V8 collect early instead of growing the process by what it could reclaim.
    resourceLimits: { maxOldGenerationSizeMb: PARSE_THREAD_HEAP_MB },
  });
  const { port1, port2 } = new MessageChannel();
  const stop = new AbortController();
  const queue: ParseMessage[] = [];
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  port1.on('message', (message: ParseMessage) => {
    queue.push(message);
    notify();
  });
  if (events.ahead) events.ahead.send = (plans) => port1.postMessage({ kind: 'plans', plans } satisfies ParseAck);
  const task: ParseTask = { file, encoding, dialect, batchRecords, port: port2 };
  const run = pool.run(task, { transferList: [port2], signal: stop.signal }).catch((error: unknown) => {
    failure = { error };
    notify();
  });
  try {
    for (;;) {
      while (queue.length === 0 && failure === null) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift();
      if (message === undefined) throw (failure as { error: unknown } | null)?.error;
      if (message.kind === 'done') return;
      if (message.kind === 'failed')
        throw Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code });
      events.onBytes(message.bytes);
      yield unpackRecords(message.packed);
      // Acknowledged once consumed (the caller asked for more), so unconsumed batches are what is bounded.
      port1.postMessage({ kind: 'ack' } satisfies ParseAck);
    }
  } finally {
    stop.abort();
    await run;
    port1.close();
    await pool.destroy();
  }
}
