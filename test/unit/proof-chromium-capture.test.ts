import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { chromiumCapturer } from '../../electron/services/proofs/chromium-capture';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngHeight = (data: Uint8Array) => new DataView(data.buffer, data.byteOffset).getUint32(20);

describe('headless Chromium proof capture', () => {
  it('captures the whole email offline: no request leaves, no script runs', async () => {
    const hits: string[] = [];
    const server = http.createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const capturer = await chromiumCapturer();
    try {
      const html = `<html><head><link rel="stylesheet" href="${origin}/style.css"></head><body style="margin:0">
        <img src="${origin}/pixel.gif" alt="pixel"><div style="height:1500px;background:#2a9d8f">tall</div>
        <script>fetch('${origin}/script'); document.body.style.height = '10px';</script></body></html>`;
      const png = await capturer.capture(html, 640);
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngHeight(png)).toBeGreaterThanOrEqual(1500);
      expect(hits).toEqual([]);
    } finally {
      await capturer.close();
      server.close();
    }
  }, 60_000);
});
