import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Port } from '../../electron/services-process/protocol';
import { allowedProofRequest } from '../../electron/services/proofs/capture';
import { isCaptureRequest, portCapturer, serveCaptures } from '../../electron/services/proofs/capture-channel';
import { capturerFor, useDesktopCapturer } from '../../electron/services/proofs/capturer-for-host';
import { chromiumCapturer } from '../../electron/services/proofs/chromium-capture';

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

const asPort = (port: MessagePort): Port => {
  open.push(port);
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => {
      const relay = (message: unknown) => listener(message);
      port.on('message', relay);
      return () => port.off('message', relay);
    },
  };
};

describe('desktop proof screenshots over the service port', () => {
  it('asks the relay for each capture and gets its PNG or its error back, in any order', async () => {
    const { port1, port2 } = new MessageChannel();
    const seen: { html: string; width: number }[] = [];
    serveCaptures(asPort(port2), async (html, width) => {
      seen.push({ html, width });
      if (html.includes('broken')) throw new Error('renderer crashed');
      await new Promise((resolve) => setTimeout(resolve, html.includes('slow') ? 30 : 0));
      return new Uint8Array([width % 256, html.length]);
    });
    const capturer = await portCapturer(asPort(port1))();
    const [slow, fast] = await Promise.all([capturer.capture('<p>slow</p>', 640), capturer.capture('<p>x</p>', 1000)]);
    expect([...slow]).toEqual([128, 11]);
    expect([...fast]).toEqual([232, 8]);
    await expect(capturer.capture('<p>broken</p>', 640)).rejects.toThrow('renderer crashed');
    expect(seen.map((s) => s.width)).toEqual([640, 1000, 640]);
    await capturer.close();
  });

  it('the relay ignores what is not a well-formed capture request', () => {
    expect(isCaptureRequest({ type: 'proofs.capture', id: 1, html: '<p>', width: 640 })).toBe(true);
    expect(isCaptureRequest({ type: 'proofs.capture', id: 1, html: '<p>', width: 100_000 })).toBe(false);
    expect(isCaptureRequest({ type: 'call', id: 1, method: 'app.info' })).toBe(false);
    expect(isCaptureRequest({ type: 'proofs.capture', id: 'x', html: '<p>', width: 640 })).toBe(false);
  });

  it('the desktop uses the shell once it registered, other hosts headless Chromium', () => {
    expect(capturerFor('browser')).toBe(chromiumCapturer);
    const shell = () => Promise.reject(new Error('unused'));
    useDesktopCapturer(shell);
    expect(capturerFor('desktop')).toBe(shell);
    expect(capturerFor('cli')).toBe(chromiumCapturer);
  });
});

describe('what a proof may load', () => {
  it('inline data only: no remote image, file or tracking pixel', () => {
    expect(allowedProofRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(allowedProofRequest('about:blank')).toBe(true);
    expect(allowedProofRequest('https://placehold.co/600x300.png')).toBe(false);
    expect(allowedProofRequest('http://tracker.example.com/open.gif')).toBe(false);
    expect(allowedProofRequest('file:///etc/passwd')).toBe(false);
    expect(allowedProofRequest('blob:https://example.com/1')).toBe(false);
  });
});
