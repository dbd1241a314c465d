import { describe, expect, it } from 'vitest';
import { PreviewFrames, previewFrameHeaders } from '../../electron/services/preview-frames';
import { PREVIEW_FRAME_CSP } from '../../shared/security/csp';

describe('PreviewFrames', () => {
  it('serves each published document at its own unguessable path until it expires', () => {
    let now = 1000;
    const frames = new PreviewFrames({ ttlMs: 100, now: () => now });
    const a = frames.publish('<p>a</p>');
    const b = frames.publish('<p>b</p>');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\/frames\/[\w-]{32}$/);
    expect(frames.lookup(a)).toBe('<p>a</p>');
    expect(frames.lookup(b)).toBe('<p>b</p>');
    expect(frames.lookup('/frames/')).toBeUndefined();
    expect(frames.lookup(a.replace('/frames/', '/other/'))).toBeUndefined();
    now += 100;
    expect(frames.lookup(a)).toBeUndefined();
  });

  it('forgets the oldest frames beyond its limit and refuses oversized documents', () => {
    const frames = new PreviewFrames({ maxFrames: 2, maxChars: 10 });
    const first = frames.publish('1');
    const second = frames.publish('2');
    const third = frames.publish('3');
    expect(frames.lookup(first)).toBeUndefined();
    expect(frames.lookup(second)).toBe('2');
    expect(frames.lookup(third)).toBe('3');
    expect(() => frames.publish('x'.repeat(11))).toThrow(RangeError);
  });

  it('are served with the sandboxing frame CSP, no referrer and no sniffing', () => {
    expect(previewFrameHeaders()).toMatchObject({
      'Content-Security-Policy': PREVIEW_FRAME_CSP,
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Content-Type': 'text/html; charset=utf-8',
    });
  });
});
