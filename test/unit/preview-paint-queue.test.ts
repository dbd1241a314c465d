import { describe, expect, it } from 'vitest';
import { PaintQueue, type FramePacer } from '../../renderer/features/studio/paint-queue';

/** Frames on demand, and a clock the jobs move. */
function manualFrames() {
  let pending: (() => void)[] = [];
  let clock = 0;
  const pacer: FramePacer = {
    afterNextPaint: (run) => void pending.push(run),
    now: () => clock,
  };
  return {
    pacer,
    spend: (ms: number) => void (clock += ms),
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
  it('swaps six cards over three frames, two per frame, never all in one task', () => {
    const frames = manualFrames();
    const queue = new PaintQueue(frames.pacer, { perFrame: 2, budgetMs: 8 });
    const ran: string[] = [];
    for (const card of ['a', 'b', 'c', 'd', 'e', 'f']) queue.schedule({ card }, () => ran.push(card));
    expect(ran).toEqual([]);
    frames.frame();
    expect(ran).toEqual(['a', 'b']);
    frames.frame();
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
    frames.frame();
    expect(ran).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(frames.waiting).toBe(0);
  });

  it('leaves the rest for the next frame once a frame has spent its budget', () => {
    const frames = manualFrames();
    const queue = new PaintQueue(frames.pacer, { perFrame: 2, budgetMs: 8 });
    const ran: string[] = [];
    for (const card of ['slow', 'next']) queue.schedule({}, () => (ran.push(card), frames.spend(12)));
    frames.frame();
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
    frames.frame();
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
    expect(() => frames.frame()).toThrow('broken card');
    frames.frame();
    expect(ran).toEqual(['fine']);
  });
});
