import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/main';
import { createApp } from '../../electron/services/app';
import { cli, collector } from '../support/cli-runner';

const repoRoot = path.resolve(__dirname, '..', '..');

const CSV = [
  'Customer ID,E-mail,First Name,Last Name,Loyalty Tier',
  'C-1,ada@example.com,Ada,Lovelace,Gold',
  'C-2,grace@example.com,Grace,Hopper,Silver',
  // Line 4: no customer id and a broken email, so every reasonable validation rejects it.
  ',not-an-email,Nobody,,Bronze',
  'C-3,alan@example.com,Alan,Turing,Gold',
].join('\n');

const TEMPLATE = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hello {{ first_name }}, you are {{ LoyaltyTier }}.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

// Every test gets its own folder, data folder and fixtures: none sees another's workspaces or leftovers.
let dir: string;
let previousHome: string | undefined;
let csvPath: string;
let templatePath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-cli-'));
  previousHome = process.env.TAILOR_HOME;
  process.env.TAILOR_HOME = path.join(dir, 'home');
  csvPath = path.join(dir, 'customers.csv');
  fs.writeFileSync(csvPath, `${CSV}\n`);
  templatePath = path.join(dir, 'hello.mjml');
  fs.writeFileSync(templatePath, TEMPLATE);
});

afterEach(() => {
  if (previousHome === undefined) delete process.env.TAILOR_HOME;
  else process.env.TAILOR_HOME = previousHome;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh workspace holding the CSV fixture's customers. */
async function importedWorkspace(name: string): Promise<string> {
  const workspace = path.join(dir, `${name}.tailor`);
  expect((await cli(['init', workspace])).code).toBe(0);
  const imported = await cli(['import', workspace, '--customers', csvPath]);
  expect(imported.code, imported.stderr).toBe(0);
  return workspace;
}

describe('tailor CLI usage', () => {
  it('exits 2 on an unknown command or a missing required option', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);

    const missing = await cli(['import', path.join(dir, 'x.tailor')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--customers/);

    const badPort = await cli(['serve', '--port', 'eighty']);
    expect(badPort.code).toBe(2);
  });

  it('reports usage errors as JSON with --json', async () => {
    const result = await cli(['--json', 'frobnicate']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'usage' } });
  });

  it('prints help with examples and exits 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples:/);
    expect(result.stdout).toMatch(/render/);
  });
});

describe('tailor init and templates', () => {
  it('creates a demo workspace and lists its templates', async () => {
    const workspace = path.join(dir, 'demo.tailor');
    const init = await cli(['init', workspace, '--demo']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(workspace);
    expect(fs.existsSync(workspace)).toBe(true);

    const listed = await cli(['templates', workspace, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const templates = JSON.parse(listed.stdout) as { id: number; name: string; updatedAt: string }[];
    expect(templates.length).toBeGreaterThan(0);
    expect(typeof templates[0]?.id).toBe('number');
    expect(typeof templates[0]?.name).toBe('string');

    const table = await cli(['templates', workspace]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(templates[0]?.name);
  });

  it('refuses to overwrite an existing file, naming it', async () => {
    const workspace = path.join(dir, 'taken.tailor');
    fs.writeFileSync(workspace, 'precious');
    const result = await cli(['init', workspace]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(workspace);
    expect(fs.readFileSync(workspace, 'utf8')).toBe('precious');
  });

  it('exits 1 with a JSON error for a missing workspace', async () => {
    const result = await cli(['templates', path.join(dir, 'nowhere.tailor'), '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'not_found' } });
    expect(result.stderr).toMatch(/^tailor: .*nowhere\.tailor/);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('tailor import', () => {
  it('imports a CSV and reports counts and rejected lines as JSON', async () => {
    const workspace = path.join(dir, 'import.tailor');
    expect((await cli(['init', workspace])).code).toBe(0);
    const result = await cli(['import', workspace, '--customers', csvPath, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      rowsRead: number;
      rowsImported: number;
      rowsRejected: number;
      rejections: { line: number; reason: string }[];
    };
    expect(report).toMatchObject({ rowsRead: 4, rowsImported: 3, rowsRejected: 1 });
    expect(report.rejections[0]?.line).toBe(4);
  });

  it('prints a human summary with the rejected line', async () => {
    const workspace = path.join(dir, 'import-human.tailor');
    expect((await cli(['init', workspace])).code).toBe(0);
    const result = await cli(['import', workspace, '--customers', csvPath]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/imported:\s+3/);
    expect(result.stdout).toMatch(/rejected:\s+1/);
    expect(result.stdout).toMatch(/line 4: /);
    expect(result.stdout).toMatch(/Loyalty Tier\s+->\s+loyalty_tier/);
  });

  it('exits 1 naming the file when the CSV does not exist', async () => {
    const workspace = path.join(dir, 'import-missing.tailor');
    expect((await cli(['init', workspace])).code).toBe(0);
    const result = await cli(['import', workspace, '--customers', path.join(dir, 'no-such-file.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no-such-file.csv');
  });

  it('cancels the job when interrupted and exits 130', async () => {
    const workspace = path.join(dir, 'import-cancel.tailor');
    expect((await cli(['init', workspace])).code).toBe(0);
    const big = path.join(dir, 'big.csv');
    const rows = Array.from({ length: 50_000 }, (_, i) => `C-${i},user${i}@example.com,User,${i},Gold`);
    fs.writeFileSync(big, `Customer ID,E-mail,First Name,Last Name,Loyalty Tier\n${rows.join('\n')}\n`);

    // The interrupt (Ctrl+C's stand-in) is already raised, so the command cancels its job as soon as it has one.
    const interrupt = new AbortController();
    interrupt.abort();
    const result = await cli(['import', workspace, '--customers', big, '--json'], { interrupt: interrupt.signal });
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toMatch(/Cancelling the import/);
    expect(result.stderr).toMatch(/cancelled; the workspace is unchanged/);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'cancelled' } });

    // The job was really cancelled, not finished: it is recorded as cancelled and not one row came in.
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.open', { path: workspace });
      const imports = await app.client.call('imports.list', {});
      expect(imports.map((report) => report.status)).toEqual(['cancelled']);
      expect(imports[0]?.rowsImported).toBe(0);
      expect((await app.client.call('customers.list', {})).total).toBe(0);
      expect(app.session.require().db.prepare('SELECT count(*) FROM import_staging').pluck().get()).toBe(0);
    } finally {
      await app.close();
    }

    // And the workspace takes the next import as if nothing had happened.
    const after = await cli(['import', workspace, '--customers', csvPath, '--json']);
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ rowsImported: 3 });
  });
});

describe('tailor render', () => {
  it('renders a stored template for a customer found by email', async () => {
    const workspace = path.join(dir, 'render-demo.tailor');
    expect((await cli(['init', workspace, '--demo'])).code).toBe(0);
    expect((await cli(['import', workspace, '--customers', csvPath])).code).toBe(0);
    const templates = JSON.parse((await cli(['templates', workspace, '--json'])).stdout) as { name: string }[];
    const name = templates[0]?.name ?? '';

    // Names match case-insensitively.
    const result = await cli(['render', workspace, '--template', name.toUpperCase(), '--customer', 'grace@example.com']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/<html/i);
    expect(result.stdout).toContain('Grace');
  });

  it('renders a template file from disk', async () => {
    const workspace = await importedWorkspace('render-file');
    const result = await cli(['render', workspace, '--template', templatePath, '--customer', 'ada@example.com']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Hello Ada, you are Gold.');

    const json = await cli(['render', workspace, '--template', templatePath, '--customer', 'C-3', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { html: string; diagnostics: unknown[] };
    expect(parsed.html).toContain('Hello Alan');
  });

  it('reports template errors as file:line:col diagnostics and exits 1', async () => {
    const workspace = await importedWorkspace('render-broken');
    const broken = path.join(dir, 'broken.mjml');
    fs.writeFileSync(broken, TEMPLATE.replace('Hello', '{% if first_name %}Hello'));
    const result = await cli(['render', workspace, '--template', broken, '--customer', 'ada@example.com']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+(:\\d+)?: error: `));
  });

  it('exits 1 for an unknown template name, listing the templates', async () => {
    const workspace = path.join(dir, 'render-unknown.tailor');
    expect((await cli(['init', workspace, '--demo'])).code).toBe(0);
    const result = await cli(['render', workspace, '--template', 'No Such Template', '--customer', 'ada@example.com']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no template named No Such Template; templates: /);
  });

  it('exits 1 for an unknown customer', async () => {
    const workspace = await importedWorkspace('render-nobody');
    const result = await cli(['render', workspace, '--template', templatePath, '--customer', 'nobody@example.com']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nobody@example\.com/);
  });
});

describe('tailor export', () => {
  it('writes the export to a new folder in --out, lists the files and the manifest', async () => {
    const workspace = await importedWorkspace('export');
    const outDir = path.join(dir, 'export-out');
    const result = await cli(['export', workspace, '--template', templatePath, '--out', outDir, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const exported = JSON.parse(result.stdout) as { dir: string; manifest: string; files: { path: string; kind: string }[] };
    expect(path.dirname(exported.dir)).toBe(outDir);
    expect(path.basename(exported.dir)).toMatch(/^hello-mjml \d{4}-\d{2}-\d{2} \d{2}-\d{2}$/);
    expect(exported.files.length).toBeGreaterThan(0);
    for (const file of exported.files) expect(fs.existsSync(file.path), file.path).toBe(true);
    expect(exported.files.some((file) => file.kind === 'compiled')).toBe(true);
    expect(fs.existsSync(exported.manifest)).toBe(true);

    const human = await cli(['export', workspace, '--template', templatePath, '--out', path.join(dir, 'export-2'), '--no-personas']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Wrote \d+ files? to /);
    expect(human.stdout).toMatch(/Manifest \(marks the export complete\): .*tailor-export\.json/);
  });

  it('refuses an existing folder without --replace, and replaces only a Tailor export with it', async () => {
    const workspace = await importedWorkspace('export-replace');
    const outDir = path.join(dir, 'exports');
    const args = ['export', workspace, '--template', templatePath, '--out', outDir, '--folder', 'hello'];
    expect((await cli(args)).code).toBe(0);

    const again = await cli(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    const replaced = await cli([...args, '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/replacing the earlier export there/);

    fs.mkdirSync(path.join(outDir, 'mine'));
    fs.writeFileSync(path.join(outDir, 'mine', 'notes.txt'), 'keep me');
    const refused = await cli(['export', workspace, '--template', templatePath, '--out', outDir, '--folder', 'mine', '--replace']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not a Tailor export/);
    expect(fs.readdirSync(path.join(outDir, 'mine'))).toEqual(['notes.txt']);
  });
});

describe('tailor compact', () => {
  it('compacts a workspace and reports the sizes', async () => {
    const workspace = await importedWorkspace('compact');
    const result = await cli(['compact', workspace, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const sizes = JSON.parse(result.stdout) as { before: number; after: number };
    expect(sizes.after).toBeGreaterThan(0);
    expect(sizes.after).toBeLessThanOrEqual(sizes.before);
    const human = await cli(['compact', workspace]);
    expect(human.stdout).toMatch(/^Compacted .*compact\.tailor: [\d,]+ -> [\d,]+ bytes/);
  });
});

describe('tailor serve', () => {
  it('prints the browser URL with its token and stops cleanly when interrupted', async () => {
    const workspace = await importedWorkspace('serve');
    const interrupt = new AbortController();
    const stdout = collector();
    const stderr = collector();
    const running = run(['serve', workspace, '--json'], { stdout: stdout.stream, stderr: stderr.stream, interrupt: interrupt.signal });

    const deadline = Date.now() + 10_000;
    while (!stdout.text().includes('\n') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const { url } = JSON.parse(stdout.text()) as { url: string };
    expect(url).toMatch(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\/.*#/);
    expect(stderr.text()).toContain(`Tailor is running in browser mode: ${url}`);

    // The printed URL is all a browser needs: its origin serves the API, its fragment the token.
    const parsed = new URL(url);
    const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
    const response = await fetch(`${parsed.origin}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tailor-token': token },
      body: '{}',
    });
    expect(await response.json()).toMatchObject({ ok: true, data: { host: 'browser', nativeDialogs: false } });

    interrupt.abort();
    expect(await running).toBe(0);
  });

  it('--open launches the browser on a private redirect file, without the token in argv, and deletes it on exit', async () => {
    const workspace = await importedWorkspace('serve-open');
    const interrupt = new AbortController();
    const stdout = collector();
    const launched: string[][] = [];
    const running = run(['serve', workspace, '--open', '--json'], {
      stdout: stdout.stream,
      stderr: collector().stream,
      interrupt: interrupt.signal,
      launch: (command, args) => launched.push([command, ...args]),
    });
    const deadline = Date.now() + 10_000;
    while (launched.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const { url } = JSON.parse(stdout.text()) as { url: string };
    const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token') ?? '';
    expect(token).not.toBe('');
    expect(launched).toHaveLength(1);
    expect(launched[0]!.join(' ')).not.toContain(token);
    const file = launched[0]!.at(-1)!;
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain(url);

    interrupt.abort();
    expect(await running).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('tailor as a process', () => {
  const tailor = (args: string[]): ReturnType<typeof spawnSync> =>
    spawnSync('npx', ['tsx', 'electron/cli/main.ts', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, TAILOR_HOME: path.join(dir, 'home') },
      timeout: 60_000,
    });

  // Each spawn pays for npx and tsx start-up, which takes seconds on a busy machine.
  const SLOW = 60_000;

  it(
    'exits 2 for wrong usage and 1 for a missing workspace',
    () => {
      const usage = tailor(['frobnicate']);
      expect(usage.status).toBe(2);

      const missing = tailor(['templates', path.join(dir, 'absent.tailor')]);
      expect(missing.status).toBe(1);
      expect(String(missing.stderr)).toMatch(/^tailor: .*absent\.tailor/m);
    },
    SLOW,
  );

  it(
    'resolves relative paths from the folder `npm run tailor` was typed in',
    () => {
      const userDir = path.join(dir, 'user-folder');
      fs.mkdirSync(userDir, { recursive: true });
      const result = spawnSync('npm', ['--prefix', repoRoot, 'run', '-s', 'tailor', '--', 'init', 'relative.tailor'], {
        cwd: userDir,
        encoding: 'utf8',
        env: { ...process.env, TAILOR_HOME: path.join(dir, 'home') },
        timeout: 60_000,
      });
      expect(result.status).toBe(0);
      expect(fs.existsSync(path.join(userDir, 'relative.tailor'))).toBe(true);
      expect(fs.existsSync(path.join(repoRoot, 'relative.tailor'))).toBe(false);
    },
    SLOW,
  );

  it(
    'prints the version',
    () => {
      const version = tailor(['--version']);
      expect(version.status).toBe(0);
      expect(String(version.stdout).trim()).toMatch(/^\d+\.\d+\.\d+/);
    },
    SLOW,
  );
});
