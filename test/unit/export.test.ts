import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, type TailorApp } from '../../electron/services/app';
import { exportFolderName } from '../../electron/services/export-folder';
import { tempDir } from '../support/temp';

const SOURCE = `<mjml>
  <mj-head><mj-style>.note { color: #ff0000; } .vip div { color: #b8860b; }</mj-style></mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-image src="{{ OfferImageURL | default: 'https://img.example.com/x.png' }}" alt="For {{ FirstName }}" />
      <mj-text css-class="note">Hi {{ FirstName | default: 'there' }}</mj-text>
      <mj-button href="https://shop.example.com/?cid={{ id }}&utm_source=email">Shop</mj-button>
    </mj-column></mj-section>
    {% if loyalty_tier == 'Gold' %}
    <mj-section><mj-column><mj-text>Gold perk</mj-text></mj-column></mj-section>
    {% endif %}
    <mj-section><mj-column><mj-text css-class="{% if loyalty_tier == 'Gold' %}vip{% endif %}">Tiered</mj-text></mj-column></mj-section>
  </mj-body>
</mjml>`;

describe('export', () => {
  it('writes compiled HTML with tokens kept and CSS inlined, a text part, and each persona rendered', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor'), demo: true });
      const template = await app.client.call('templates.create', { name: 'Spring Sale!', source: SOURCE });
      const out = path.join(dir, 'out');
      const result = await app.client.call('export.run', { template: { id: template.id }, dir: out });
      expect(path.dirname(result.dir)).toBe(out);
      expect(path.basename(result.dir)).toMatch(/^spring-sale \d{4}-\d{2}-\d{2} \d{2}-\d{2}$/);

      const compiled = result.files.find((f) => f.kind === 'compiled');
      expect(compiled?.path).toBe(path.join(result.dir, 'spring-sale.html'));
      const html = fs.readFileSync(compiled!.path, 'utf8');
      expect(html).toContain("{{ OfferImageURL | default: 'https://img.example.com/x.png' }}");
      expect(html).toContain('alt="For {{ FirstName }}"');
      expect(html).toContain('href="https://shop.example.com/?cid={{ id }}&utm_source=email"');
      expect(html).toContain("{% if loyalty_tier == 'Gold' %}");
      expect(html).toContain('{% endif %}');
      // The mj-style rule now sits on the element itself.
      expect(html).toMatch(/class="note"[^>]*style="[^"]*color: ?#ff0000/);
      // A rule for a class chosen by Liquid at send time must survive in the style block.
      expect(html).toContain("{% if loyalty_tier == 'Gold' %}vip{% endif %}");
      expect(html).toMatch(/\.vip div\s*\{\s*color: ?#b8860b/);

      const text = fs.readFileSync(path.join(result.dir, 'spring-sale.txt'), 'utf8');
      expect(text).toContain("Hi {{ FirstName | default: 'there' }}");

      const personas = result.files.filter((f) => f.kind === 'persona');
      expect(personas).toHaveLength(3);
      for (const file of personas) {
        const rendered = fs.readFileSync(file.path, 'utf8');
        expect(rendered).not.toMatch(/\{\{|\{%/);
        expect(rendered).toMatch(/cid=C\d+&utm_source=email/);
      }
      expect(fs.readdirSync(result.dir).some((name) => name.endsWith('.tmp'))).toBe(false);
      // Nothing but the export itself is left in the parent folder: no staging folder, no temp file.
      expect(fs.readdirSync(out)).toEqual([path.basename(result.dir)]);
    } finally {
      await app.close();
    }
  });

  it('refuses to export a template with errors and says where', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor') });
      await expect(
        app.client.call('export.run', { template: { name: 'Broken', source: '<p>\n{% if x %}</p>' }, dir: path.join(dir, 'out') }),
      ).rejects.toThrow(/Line 2/);
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    } finally {
      await app.close();
    }
  });
});

/** A workspace with the demo's personas and one template, and a parent folder to export into. */
async function exportSetup(): Promise<{ app: TailorApp; dir: string; out: string; id: number }> {
  const dir = tempDir();
  process.env.TAILOR_HOME = path.join(dir, 'home');
  const app = createApp({ host: 'direct', nativeDialogs: false });
  await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor'), demo: true });
  const template = await app.client.call('templates.create', { name: 'Autumn Offer', source: SOURCE });
  return { app, dir, out: path.join(dir, 'exports'), id: template.id };
}

const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('export folders', () => {
  it('puts each export in a new folder named for the template and the local time, with a manifest written last', async () => {
    const { app, out, id } = await exportSetup();
    try {
      const at = new Date(2026, 11, 1, 15, 4);
      expect(exportFolderName('Segment Offer', at)).toBe('segment-offer 2026-12-01 15-04');
      const suggested = await app.client.call('export.suggestDir', { template: { id } });
      expect(suggested.folder).toMatch(/^autumn-offer \d{4}-\d{2}-\d{2} \d{2}-\d{2}$/);

      const result = await app.client.call('export.run', { template: { id }, dir: out, folder: 'segment-offer 2026-12-01 15-04' });
      expect(result.dir).toBe(path.join(out, 'segment-offer 2026-12-01 15-04'));
      expect(result.manifest).toBe(path.join(result.dir, 'tailor-export.json'));
      expect(result.replaced).toBe(false);

      const manifest = JSON.parse(fs.readFileSync(result.manifest, 'utf8')) as {
        format: string;
        template: string;
        exportedAt: string;
        files: { path: string; kind: string; bytes: number; sha256: string }[];
      };
      expect(manifest).toMatchObject({ format: 'tailor-export', template: 'Autumn Offer' });
      expect(Number.isNaN(Date.parse(manifest.exportedAt))).toBe(false);
      expect(manifest.files.map((f) => f.path).sort()).toEqual(
        result.files.map((f) => path.relative(result.dir, f.path).split(path.sep).join('/')).sort(),
      );
      for (const file of manifest.files) {
        const full = path.join(result.dir, file.path);
        expect(fs.statSync(full).size).toBe(file.bytes);
        expect(sha256(full)).toBe(file.sha256);
      }
      // The manifest is the last file to appear: it is the newest in the folder.
      const newest = Math.max(...result.files.map((f) => fs.statSync(f.path).mtimeMs));
      expect(fs.statSync(result.manifest).mtimeMs).toBeGreaterThanOrEqual(newest);
    } finally {
      await app.close();
    }
  });

  it('never writes into an existing folder unless asked to replace a Tailor export there', async () => {
    const { app, out, id } = await exportSetup();
    try {
      // A folder the user had: same name, unrelated files.
      const mine = path.join(out, 'mine');
      fs.mkdirSync(mine, { recursive: true });
      fs.writeFileSync(path.join(mine, 'autumn-offer.html'), 'my own file');
      await expect(app.client.call('export.run', { template: { id }, dir: out, folder: 'mine' })).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('already exists') as unknown,
      });
      await expect(app.client.call('export.run', { template: { id }, dir: out, folder: 'mine', replace: true })).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('not a Tailor export') as unknown,
      });
      expect(fs.readdirSync(mine)).toEqual(['autumn-offer.html']);
      expect(fs.readFileSync(path.join(mine, 'autumn-offer.html'), 'utf8')).toBe('my own file');
      expect(fs.readdirSync(out)).toEqual(['mine']);

      // Two exports without a folder name land in two folders, never one over the other.
      const first = await app.client.call('export.run', { template: { id }, dir: out, personas: false });
      await expect(app.client.call('export.run', { template: { id }, dir: out, folder: path.basename(first.dir) })).rejects.toMatchObject({
        code: 'conflict',
      });
    } finally {
      await app.close();
    }
  });

  it('replaces an earlier export whole when asked: no old file survives, a planted symlink is not followed', async () => {
    const { app, dir, out, id } = await exportSetup();
    try {
      const folder = 'offer';
      const first = await app.client.call('export.run', { template: { id }, dir: out, folder });
      const stale = path.join(first.dir, 'personas', 'left-over.html');
      fs.writeFileSync(stale, 'old');

      // Someone with write access to the folder plants symlinks where the old code wrote: the final
      // name and its predictable `<file>.<pid>.tmp`, both pointing at a file of the victim's.
      const victim = path.join(dir, 'victim.txt');
      fs.writeFileSync(victim, 'precious');
      const compiled = path.join(first.dir, 'autumn-offer.html');
      fs.rmSync(compiled);
      fs.symlinkSync(victim, compiled);
      fs.symlinkSync(victim, `${compiled}.${process.pid}.tmp`);

      const second = await app.client.call('export.run', { template: { id }, dir: out, folder, replace: true });
      expect(second.replaced).toBe(true);
      expect(second.dir).toBe(first.dir);
      expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
      expect(fs.lstatSync(compiled).isSymbolicLink()).toBe(false);
      expect(fs.readFileSync(compiled, 'utf8')).toContain('{{ id }}');
      expect(fs.existsSync(stale)).toBe(false);
      expect(fs.existsSync(`${compiled}.${process.pid}.tmp`)).toBe(false);
      expect(fs.readdirSync(out)).toEqual([folder]);
    } finally {
      await app.close();
    }
  });

  it('fails within a second with a clear message when the target cannot be written', async () => {
    const { app, dir, id } = await exportSetup();
    try {
      const aFile = path.join(dir, 'a-file');
      fs.writeFileSync(aFile, 'x');
      for (const target of ['/proc/tailor-export', '/proc/self/tailor/deeper', path.join(aFile, 'inside')]) {
        const started = performance.now();
        await expect(app.client.call('export.run', { template: { id }, dir: target })).rejects.toMatchObject({
          code: 'bad_file',
          message: expect.stringMatching(/^Cannot export to .+: .+\. Pick a folder you can write to\.$/) as unknown,
        });
        expect(performance.now() - started, target).toBeLessThan(1000);
      }
    } finally {
      await app.close();
    }
  }, 10_000);
});

describe('a killed export', () => {
  it('never leaves a folder that looks like a complete export', async () => {
    const { app, dir, out, id } = await exportSetup();
    const workspace = path.join(dir, 'w.tailor');
    try {
      // An earlier export to replace: a kill must leave it whole, not mixed with new files.
      await app.client.call('export.run', { template: { id }, dir: out, folder: 'offer' });
      // The next export differs in every file, so a mix of old and new would show.
      await app.client.call('templates.save', { id, source: SOURCE.replaceAll('Hi ', 'Hello again ') });
    } finally {
      await app.close();
    }
    const before = fs.readFileSync(path.join(out, 'offer', 'tailor-export.json'), 'utf8');

    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/cli/main.ts',
        'export',
        workspace,
        '--template',
        'Autumn Offer',
        '--out',
        out,
        '--folder',
        'offer',
        '--replace',
      ],
      { cwd: path.resolve(__dirname, '..', '..'), env: { ...process.env, TAILOR_HOME: path.join(dir, 'home') }, stdio: 'ignore' },
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Kill it as soon as its staging folder holds a file: midway through writing.
    const deadline = Date.now() + 30_000;
    let killedMidway = false;
    while (Date.now() < deadline && child.exitCode === null) {
      const staging = fs.readdirSync(out).find((name) => name.startsWith('.tailor-export-'));
      if (staging && fs.readdirSync(path.join(out, staging)).length > 0) {
        child.kill('SIGKILL');
        killedMidway = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await exited;
    expect(killedMidway).toBe(true);
    const leftover = fs.readdirSync(out).find((name) => name.startsWith('.tailor-export-'));
    expect(leftover).toBeDefined();

    // What is visible is the earlier export, exactly as it was, and every file its manifest lists.
    const visible = fs.readdirSync(out).filter((name) => !name.startsWith('.'));
    expect(visible).toEqual(['offer']);
    const manifestText = fs.readFileSync(path.join(out, 'offer', 'tailor-export.json'), 'utf8');
    expect(manifestText).toBe(before);
    const manifest = JSON.parse(manifestText) as { files: { path: string; sha256: string }[] };
    const listed = manifest.files.map((file) => file.path).sort();
    const onDisk = fs
      .readdirSync(path.join(out, 'offer'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'tailor-export.json')
      .map((entry) => path.relative(path.join(out, 'offer'), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    expect(onDisk).toEqual(listed);
    for (const file of manifest.files) expect(sha256(path.join(out, 'offer', file.path))).toBe(file.sha256);

    // The next export into that folder tidies up what a killed one left, once it is clearly abandoned.
    const abandoned = path.join(out, leftover ?? '');
    const fresh = path.join(out, '.tailor-export-running');
    fs.mkdirSync(fresh);
    const hoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(abandoned, hoursAgo, hoursAgo);
    const again = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await again.client.call('workspace.open', { path: workspace });
      await again.client.call('export.run', { template: { id }, dir: out, personas: false });
    } finally {
      await again.close();
    }
    expect(fs.existsSync(abandoned)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  }, 60_000);
});

describe('export keeps Liquid placed between MJML sections (protectLiquid)', () => {
  const STRUCTURAL = `<mjml>
  <mj-body>
    {% if first_name %}
    <mj-section><mj-column><mj-text>NAMED {{ first_name }}</mj-text></mj-column></mj-section>
    {% else %}
    <mj-section><mj-column><mj-text>ANONYMOUS</mj-text></mj-column></mj-section>
    {% endif %}
    <mj-section><mj-column><mj-button href="https://shop.example.com/?cid={{ id }}">Shop</mj-button></mj-column></mj-section>
  </mj-body>
</mjml>`;

  it('writes the block tags around whole sections, and each persona gets one branch', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor'), demo: true });
      const result = await app.client.call('export.run', {
        template: { name: 'Branches', source: STRUCTURAL },
        dir: path.join(dir, 'out'),
      });
      const compiled = fs.readFileSync(result.files.find((f) => f.kind === 'compiled')!.path, 'utf8');
      const order = ['{% if first_name %}', 'NAMED {{ first_name }}', '{% else %}', 'ANONYMOUS', '{% endif %}'].map((part) =>
        compiled.indexOf(part),
      );
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);

      const personas = result.files.filter((f) => f.kind === 'persona');
      expect(personas.length).toBeGreaterThan(0);
      for (const file of personas) {
        // Every demo persona has a first name.
        const html = fs.readFileSync(file.path, 'utf8');
        expect(html).toMatch(/NAMED \p{L}/u);
        expect(html).not.toContain('ANONYMOUS');
      }
    } finally {
      await app.close();
    }
  });

  it('refuses a template whose mj- tag MJML would drop, naming the tag and its line', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor') });
      const source =
        '<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>ok</mj-text>\n  <mj-textt>lost</mj-textt>\n</mj-column></mj-section>\n</mj-body>\n</mjml>';
      await expect(app.client.call('export.run', { template: { name: 'Typo', source }, dir: path.join(dir, 'out') })).rejects.toThrow(
        /Line 5, column 3: MJML: <mj-textt> is not an MJML element/,
      );
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    } finally {
      await app.close();
    }
  });
});

describe('a persona whose email fails to render', () => {
  it('is named in the export warnings instead of being left out silently', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor'), demo: true });
      // Compiles cleanly; only rendering hits Liquid's render limit, for every persona.
      const source = '<p>Hi {{ first_name }}</p>{% for i in (1..100000000) %}x{% endfor %}';
      const result = await app.client.call('export.run', { template: { name: 'Runaway', source }, dir: path.join(dir, 'out') });
      expect(result.files.filter((f) => f.kind === 'persona')).toHaveLength(0);
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning' && d.message.includes('was not exported'));
      expect(warnings).toHaveLength(3);
      expect(warnings[0]?.message).toMatch(/^Persona ".+" was not exported: .+/);
    } finally {
      await app.close();
    }
  }, 30_000);
});
