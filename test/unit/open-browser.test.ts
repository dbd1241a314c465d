import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBrowser, openCommand, redirectPage } from '../../electron/cli/open-browser';

const TOKEN = 'sEcReT-token_0123456789';
const URL_WITH_TOKEN = `http://127.0.0.1:4780/#token=${TOKEN}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-open-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('openBrowser', () => {
  it('hands the browser a private redirect file, never the URL with its token', () => {
    const launched: Array<{ command: string; args: string[] }> = [];
    const opened = openBrowser(URL_WITH_TOKEN, { launch: (command, args) => launched.push({ command, args }), tmpDir: tmp });

    expect(launched).toHaveLength(1);
    const argv = [launched[0]!.command, ...launched[0]!.args];
    expect(argv.join(' ')).not.toContain(TOKEN);
    expect(argv).toContain(opened.file);

    expect(fs.statSync(opened.file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(opened.file)).mode & 0o777).toBe(0o700);
    const page = fs.readFileSync(opened.file, 'utf8');
    expect(page).toContain(`<meta http-equiv="refresh" content="0;url=${URL_WITH_TOKEN}">`);
    expect(page).toContain(`<a href="${URL_WITH_TOKEN}">`);

    opened.dispose();
    expect(fs.existsSync(path.dirname(opened.file))).toBe(false);
    opened.dispose();
  });

  it('escapes the URL into the page', () => {
    expect(redirectPage('http://x/"><script>')).toContain('url=http://x/&quot;&gt;&lt;script&gt;"');
  });

  it('uses each platform launcher with the file path only', () => {
    expect(openCommand('/tmp/a.html', 'linux')).toEqual(['xdg-open', ['/tmp/a.html']]);
    expect(openCommand('/tmp/a.html', 'darwin')).toEqual(['open', ['/tmp/a.html']]);
    expect(openCommand('C:\\t\\a.html', 'win32')).toEqual(['cmd', ['/c', 'start', '', 'C:\\t\\a.html']]);
  });
});
