import { describe, expect, it } from 'vitest';
import { PaintQueue, type FramePacer } from '../../renderer/features/studio/paint-queue';

/** Tasks and frames on demand, and a clock the jobs move. */
function manualFrames() {
  let pending: (() => void)[] = [];
  let tasks: (() => void)[] = [];
  let clock = 0;
  const pacer: FramePacer = {
    soon: (run) => void tasks.push(run),
    afterNextPaint: (run) => void pending.push(run),
    now: () => clock,
  };
  return {
    pacer,
    spend: (ms: number) => void (clock += ms),
    /** Run the tasks queued so far. */
    task() {
      const runs = tasks;
      tasks = [];
      for (const run of runs) run();
    },
    /** Paint a frame: what waited for it runs. */
    frame() {
      const runs = pending;
      pending = [];
      for (const run of runs) run();
    },
    get waiting() {
      return pending.length;
    },
  };
}

describe('preview paint queue', () => {
  it('starts a batch at once after a paint, and waits for the next paint once one has run in this frame', () => {
    const frames = manualFrames();
    const queue = new PaintQueue(frames.pacer, { perFrame: 1, budgetMs: 8 });
    const ran: string[] = [];
    queue.schedule({}, () => ran.push('first'));
    frames.task();
    expect(ran).toEqual(['first']);
    // Same frame: this one waits for the paint.
    queue.schedule({}, () => ran.push('second'));
    frames.task();
    expect(ran).toEqual(['first']);
    frames.frame();
    expect(ran).toEqual(['first', 'second']);
    // Painted again with nothing new: the next render starts without waiting.
    frames.frame();
    queue.schedule({}, () => ran.push('third'));
    frames.task();
    expect(ran).toEqual(['first', 'second', 'third']);
  });

  it('swaps six cards over three frames, two per frame, never all in one task', () => {
    const frames = manualFrames();
    const queue = new PaintQueue(frames.pacer, { perFrame: 2, budgetMs: 8 });
    const ran: string[] = [];
    for (const card of ['a', 'b', 'c', 'd', 'e', 'f']) queue.schedule({ card }, () => ran.push(card));
    expect(ran).toEqual([]);
    // Nothing ran since the last paint: the first two start in a task of their own, without waiting a frame.
    frames.task();
    expect(ran).toEqual(['a', 'b']);
    frames.task();
    expect(ran).toEqual(['a', 'b']);
    frames.frame();
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
    frames.frame();
    expect(ran).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    // Only the note that the last batch's frame has been painted is left.
    frames.frame();
    expect(frames.waiting).toBe(0);
  });

  it('leaves the rest for the next frame once a frame has spent its budget', () => {
    const frames = manualFrames();
    const queue = new PaintQueue(frames.pacer, { perFrame: 2, budgetMs: 8 });
    const ran: string[] = [];
    for (const card of ['slow', 'next']) queue.schedule({}, () => (ran.push(card), frames.spend(12)));
    frames.task();
    expect(ran).toEqual(['slow']);
    frames.frame();
    expect(ran).toEqual(['slow', 'next']);
  });

  it('keeps one job per card: a newer render replaces the waiting one in its place; a cancelled one never runs', () => {
    const frames = manualFrames();
    const queue = new PaintQueue(frames.pacer, { perFrame: 6, budgetMs: 100 });
    const first = {};
    const second = {};
    const ran: string[] = [];
    queue.schedule(first, () => ran.push('first v1'));
    const cancel = queue.schedule(second, () => ran.push('second v1'));
    queue.schedule(first, () => ran.push('first v2'));
    expect(queue.size).toBe(2);
    cancel();
    frames.task();
    expect(ran).toEqual(['first v2']);
  });

  it('a job that throws does not stop the other cards', () => {
    const frames = manualFrames();
    const queue = new PaintQueue(frames.pacer, { perFrame: 1, budgetMs: 8 });
    const ran: string[] = [];
    queue.schedule({}, () => {
      throw new Error('broken card');
    });
    queue.schedule({}, () => ran.push('fine'));
    expect(() => frames.task()).toThrow('broken card');
    frames.frame();
    expect(ran).toEqual(['fine']);
  });
});
