import { aheadWork, type AheadPlans } from '../ahead';
import { readRecords, type CsvRecord } from '../records';
import { packRecords } from './packed-records';
import { MAX_IN_FLIGHT, type ParseAck, type ParseMessage, type ParseTask } from './protocol';

/**
 * Parse-thread entry (a piscina task): decodes and parses the file
 * (records.ts) and posts the records in batches on `port`, while the import's
 * own thread runs the steps and writes to SQLite. At most MAX_IN_FLIGHT
 * batches wait unconsumed; past that it waits for an ack, so a slow writer
 * never makes this thread buffer the file. A failed read is posted as a
 * message, so its errno code reaches the import (run-import.ts words those as the file's problem).
 * Once the import has mapped the header it sends the row work to do ahead
 * (ahead.ts), and records parsed from then on carry its results.
 */
export async function parseTask({ file, encoding, dialect, batchRecords, port }: ParseTask): Promise<void> {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const ahead: { plans: AheadPlans; work: ((record: CsvRecord, share?: boolean) => void) | null } = { plans: {}, work: null };
  port.on('message', (message: ParseAck) => {
    if (message.kind === 'plans') {
      // Plans arrive one kind at a time (validation with the header, detection after the first rows).
      ahead.plans = { ...ahead.plans, ...message.plans };
      ahead.work = aheadWork(ahead.plans);
      return;
    }
    inFlight--;
    wake?.();
    wake = null;
  });
  const send = async (records: CsvRecord[], bytes: number): Promise<void> => {
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
    inFlight++;
    port.postMessage({ kind: 'records', packed: packRecords(records), bytes } satisfies ParseMessage);
  };
  try {
    let batch: CsvRecord[] = [];
    let bytes = 0;
    for await (const records of readRecords(file, encoding, dialect, { onBytes: (done) => (bytes = done) })) {
      for (const record of records) {
        // With nothing queued the import's thread is waiting for records: it validates these itself.
        ahead.work?.(record, inFlight > 0);
        batch.push(record);
        if (batch.length >= batchRecords) {
          await send(batch, bytes);
          batch = [];
        }
      }
    }
    if (batch.length > 0) await send(batch, bytes);
    port.postMessage({ kind: 'done' } satisfies ParseMessage);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error), code } satisfies ParseMessage);
  } finally {
    port.close();
  }
}
