import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli-runner';
import { tempDir } from '../support/temp';

function paths() {
  const dir = tempDir();
  process.env.TAILOR_HOME = path.join(dir, 'home');
  return { workspace: path.join(dir, 'shop.tailor'), out: path.join(dir, 'proofs', 'spring') };
}

describe('tailor proofs', () => {
  it('writes a zip of PNG, HTML and .eml proofs per persona plus a contact sheet, and prints its path', async () => {
    const { workspace, out } = paths();
    expect((await cli(['init', workspace, '--demo'])).code).toBe(0);
    const result = await cli(['proofs', workspace, '--template', 'Segment offer', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const zip = result.stdout.split('\n')[0]!;
    expect(path.dirname(zip)).toBe(out);
    expect(zip).toMatch(/segment-offer proofs \d{4}-\d\d-\d\d\.zip$/);
    const names = Object.keys(unzipSync(fs.readFileSync(zip)));
    expect(names).toContain('contact-sheet.png');
    expect(names.filter((n) => n.endsWith('.png')).length).toBeGreaterThan(1);
    expect(names.filter((n) => n.endsWith('.eml')).length).toBe(names.filter((n) => n.endsWith('.png')).length - 1);

    // A second run never overwrites the first.
    const again = await cli(['proofs', workspace, '--template', 'Segment offer', '--out', out, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const second = JSON.parse(again.stdout) as { zip: string; files: { name: string; kind: string }[] };
    expect(second.zip).not.toBe(zip);
    expect(fs.readdirSync(out).sort()).toEqual([path.basename(zip), path.basename(second.zip)].sort());
  }, 120_000);

  it('fails with a message when there is nobody to proof, and on usage errors', async () => {
    const { workspace, out } = paths();
    expect((await cli(['init', workspace])).code).toBe(0);
    const file = path.join(path.dirname(workspace), 'hello.mjml');
    fs.writeFileSync(file, '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>');
    const none = await cli(['proofs', workspace, '--template', file, '--out', out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no personas to proof/);
    expect((await cli(['proofs', workspace, '--template', file])).code).toBe(2);
  });
});
