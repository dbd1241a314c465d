import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { tempDir } from '../support/temp';

const TSX = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
const SCRIPT = path.resolve('test/support/compile-template.ts');

it('compiling MJML in a shared folder never runs the code its .mjmlconfig lists', () => {
  const folder = tempDir('tailor-shared-folder-');
  fs.writeFileSync(path.join(folder, '.mjmlconfig'), JSON.stringify({ packages: ['./component.js'] }));
  fs.writeFileSync(
    path.join(folder, 'component.js'),
    `require('fs').writeFileSync(${JSON.stringify(path.join(folder, 'RAN'))}, 'x'); module.exports = class {};`,
  );
  const out = execFileSync(
    process.execPath,
    ['--import', TSX, SCRIPT, '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>'],
    { cwd: folder, encoding: 'utf8', env: { ...process.env, MJML_BROWSER: '' } },
  );
  expect(JSON.parse(out)).toEqual({ html: true, diagnostics: [] });
  expect(fs.existsSync(path.join(folder, 'RAN'))).toBe(false);
});
