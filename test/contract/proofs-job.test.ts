import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { freshWorkspace } from '../support/workspace-app';
import { tempDir } from '../support/temp';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (data: Uint8Array) => {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

async function demoApp() {
  const { app, dir } = await freshWorkspace();
  await app.client.call('workspace.create', { path: path.join(dir, 'demo.tailor'), demo: true });
  const templates = await app.client.call('templates.list', {});
  const template = templates.find((t) => t.name === 'We miss you');
  if (!template) throw new Error('demo template missing');
  return { app, template };
}

describe('proofs (job proofs.run)', () => {
  it('zips every persona as HTML, PNG and .eml with subject and preheader, plus a contact sheet', async () => {
    const { app, template } = await demoApp();
    const personas = await app.client.call('personas.list', {});
    expect(personas.length).toBeGreaterThan(1);
    const out = tempDir();
    const { jobId } = await app.client.call('proofs.start', { template: { id: template.id }, dir: out });
    const job = await app.jobs.settle(jobId);
    expect(job.status, job.message ?? '').toBe('succeeded');
    if (job.kind !== 'proofs.run' || !job.result?.zip) throw new Error('no zip');
    expect(path.dirname(job.result.zip)).toBe(out);
    expect(fs.readdirSync(out)).toEqual([path.basename(job.result.zip)]);

    const files = unzipSync(fs.readFileSync(job.result.zip));
    const pngs = Object.keys(files).filter((name) => name.endsWith('.png'));
    expect(pngs).toContain('contact-sheet.png');
    expect(pngs.length).toBe(personas.length + 1);
    for (const name of pngs) {
      expect([...files[name]!.subarray(0, 8)], name).toEqual(PNG_SIGNATURE);
      expect(pngSize(files[name]!).height, name).toBeGreaterThan(400);
    }
    expect(pngSize(files['contact-sheet.png']!).width).toBeGreaterThan(640);

    const emls = Object.keys(files).filter((name) => name.endsWith('.eml'));
    expect(emls.length).toBe(personas.length);
    const eml = strFromU8(files[emls[0]!]!);
    expect(eml).toMatch(/^Subject: We miss you, \S+/m);
    expect(eml).toMatch(/Content-Type: multipart\/alternative/);
    expect(eml).toMatch(/Content-Type: text\/plain/);
    expect(eml).toMatch(/Content-Type: text\/html/);
    const first = job.result.personas[0]!;
    expect(first.preheader).toMatch(/^It has been a while, /);
    expect(first.subject).toMatch(/^We miss you, /);
    const html = strFromU8(files[first.png!.replace(/\.png$/, '.html')]!);
    expect(html).toContain(first.preheader!.slice(0, 20));

    const { dataUrl } = await app.client.call('proofs.image', { jobId, name: 'contact-sheet.png' });
    expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  }, 120_000);

  it('a cancelled run writes no zip', async () => {
    const { app, template } = await demoApp();
    const out = tempDir();
    const { jobId } = await app.client.call('proofs.start', { template: { id: template.id }, dir: out });
    await app.client.call('jobs.cancel', { jobId });
    const job = await app.jobs.settle(jobId);
    expect(job.status).toBe('cancelled');
    expect(fs.readdirSync(out)).toEqual([]);
  }, 60_000);
});
