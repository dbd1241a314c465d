import { describe, expect, it } from 'vitest';
import { announceChanges } from '../../shared/contract/change-events';
import type { Dispatch } from '../../shared/contract/dispatch';
import { staleMethods, type TailorEvent } from '../../shared/contract/events';
import { followJob } from '../../shared/contract/follow-job';
import type { ImportReport } from '../../shared/contract/schemas';
import { createSseParser } from '../../shared/contract/sse';
import { EventHub } from '../../electron/services/events';
import { IMPORT_CUSTOMERS, JobManager, PROGRESS_EVENT_MS } from '../../electron/services/jobs';

const report = (status: ImportReport['status']): ImportReport => ({
  importId: 1,
  file: 'customers.csv',
  status,
  rowsRead: 3,
  rowsImported: status === 'succeeded' ? 3 : 0,
  rowsRejected: 0,
  rowsSkipped: 0,
  rowsCreated: status === 'succeeded' ? 3 : 0,
  rowsUpdated: 0,
  linesInFile: 4,
  encoding: 'UTF-8',
  encodingConfidence: 100,
  rowsWarned: 0,
  warnings: [],
  mapping: [],
  rejections: [],
  message: status === 'succeeded' ? null : `Import ${status}.`,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:01.000Z',
  entity: 'customers',
  rowsUnlinked: 0,
  unlinked: [],
  policy: null,
  undoneAt: null,
  canUndo: false,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('JobManager pushes job events', () => {
  it('announces start, throttled progress and the typed result, then what changed', async () => {
    const events: TailorEvent[] = [];
    const jobs = new JobManager((event) => events.push(event));
    const job = jobs.start(IMPORT_CUSTOMERS, async (control) => {
      // A tight loop reports thousands of times; clients get a few updates, not thousands.
      const until = Date.now() + PROGRESS_EVENT_MS * 3;
      let rows = 0;
      while (Date.now() < until) {
        control.progress({ rows: ++rows, done: rows, total: null });
        await Promise.resolve();
      }
      await sleep(PROGRESS_EVENT_MS * 1.5);
      return report('succeeded');
    });
    const final = await jobs.settle(job.id);

    const jobEvents = events.flatMap((event) => (event.type === 'job' ? [event.job] : []));
    expect(jobEvents[0]).toMatchObject({ id: job.id, kind: 'import.customers', status: 'running' });
    expect(jobEvents.length).toBeGreaterThanOrEqual(4);
    expect(jobEvents.length).toBeLessThanOrEqual(8);
    expect(jobEvents.at(-2)?.progress.rows).toBeGreaterThan(100);
    expect(jobEvents.at(-1)).toEqual(final);
    expect(final).toMatchObject({ status: 'succeeded', result: { status: 'succeeded', rowsImported: 3 } });
    expect(events.at(-1)).toEqual({ type: 'data.changed', topics: ['customers', 'imports'] });
  });

  it('maps a cancelled and a thrown job to their statuses, each with a final event', async () => {
    const events: TailorEvent[] = [];
    const jobs = new JobManager((event) => events.push(event));
    const cancelled = jobs.start(IMPORT_CUSTOMERS, async (control) => {
      await new Promise((resolve) => control.signal.addEventListener('abort', resolve));
      return report('cancelled');
    });
    jobs.cancel(cancelled.id);
    expect(await jobs.settle(cancelled.id)).toMatchObject({ status: 'cancelled', message: 'Import cancelled.' });
    const broken = jobs.start(IMPORT_CUSTOMERS, () => Promise.reject(new Error('disk full')));
    expect(await jobs.settle(broken.id)).toMatchObject({ status: 'failed', message: 'disk full', result: null });
    const finals = events.flatMap((event) => (event.type === 'job' && event.job.status !== 'running' ? [event.job.status] : []));
    expect(finals).toEqual(['cancelled', 'failed']);
  });
});

describe('following a job', () => {
  it('follows pushed updates to the end with one catch-up read, and resolves a job that ended before it listened', async () => {
    const hub = new EventHub();
    const jobs = new JobManager((event) => hub.emit(event));
    let reads = 0;
    const feed = {
      subscribe: hub.subscribe.bind(hub),
      get: (id: string) => {
        reads++;
        return Promise.resolve(jobs.get(id));
      },
    };
    let release = () => {};
    const job = jobs.start(IMPORT_CUSTOMERS, async (control) => {
      await new Promise<void>((resolve) => (release = resolve));
      control.progress({ rows: 2 });
      await sleep(PROGRESS_EVENT_MS + 20);
      return report('succeeded');
    });
    const seen: string[] = [];
    const following = followJob(feed, job.id, (update) => seen.push(`${update.status}:${update.progress.rows}`));
    await sleep(10);
    release();
    expect(await following.done).toMatchObject({ status: 'succeeded' });
    expect(seen).toEqual(['running:0', 'running:2', 'succeeded:2']);
    expect(reads).toBe(1);

    // Already over: the catch-up read alone resolves it.
    expect(await followJob(feed, job.id).done).toMatchObject({ status: 'succeeded' });
    await expect(followJob(feed, 'no-such-job').done).rejects.toThrow(/No job/);
  });
});

describe('pushed events', () => {
  it('keeps delivering when one listener throws', () => {
    const errors: unknown[] = [];
    const hub = new EventHub((error) => errors.push(error));
    const seen: TailorEvent[] = [];
    hub.subscribe(() => {
      throw new Error('listener bug');
    });
    const unsubscribe = hub.subscribe((event) => seen.push(event));
    hub.emit({ type: 'data.changed', topics: ['templates'] });
    unsubscribe();
    hub.emit({ type: 'data.changed', topics: ['segments'] });
    expect(seen).toEqual([{ type: 'data.changed', topics: ['templates'] }]);
    expect(errors).toHaveLength(2);
  });

  it('announces what a successful call changed, and nothing for reads or failures', async () => {
    const events: TailorEvent[] = [];
    const inner: Dispatch = (method) =>
      Promise.resolve(
        method === 'segments.delete' ? { ok: false, error: { code: 'not_found', message: 'gone' } } : { ok: true, data: null },
      );
    const dispatch = announceChanges(inner, (event) => events.push(event));
    await dispatch('templates.save', {});
    await dispatch('templates.list', {});
    await dispatch('segments.delete', {});
    await dispatch('workspace.open', {});
    expect(events).toEqual([
      { type: 'data.changed', topics: ['templates'] },
      { type: 'data.changed', topics: ['workspace'] },
    ]);
  });

  it('names the cached methods a change makes stale, never the open template itself', () => {
    expect(staleMethods(['workspace'])).toBeNull();
    expect(staleMethods(['customers', 'imports'])).toEqual(expect.arrayContaining(['customers.list', 'customers.fields', 'imports.list']));
    expect(staleMethods(['templates'])).not.toContain('templates.get');
  });

  it('parses server-sent event frames split anywhere, skipping comments', () => {
    const frames: string[] = [];
    const parse = createSseParser((data) => frames.push(data));
    const stream = ': subscribed\n\nevent: tailor\ndata: {"a":1}\n\n: keep-alive\r\n\r\ndata: line one\ndata: line two\n\n';
    for (let i = 0; i < stream.length; i += 3) parse(stream.slice(i, i + 3));
    expect(frames).toEqual(['{"a":1}', 'line one\nline two']);
  });
});
