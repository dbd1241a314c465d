import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  appResponseHeaders,
  contentTypeFor,
  externalHttpUrl,
  isAllowedNavigation,
  isAppUrl,
  requestedWorkspace,
  resolveAppAsset,
} from '../../electron/main/security';

const root = path.resolve('/srv/tailor/dist/renderer');

describe('resolveAppAsset', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppAsset(root, 'tailor://app/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'tailor://app/index.html?x=1#top')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'tailor://app/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppAsset(root, 'tailor://app/assets/my%20font.woff2')).toBe(path.join(root, 'assets', 'my font.woff2'));
    // The URL parser resolves dot segments (plain or %2e-encoded) before we see them, so these stay inside the root.
    expect(resolveAppAsset(root, 'tailor://app/a/../../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveAppAsset(root, 'tailor://app/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveAppAsset(root, 'tailor://app/..')).toBe(path.join(root, 'index.html'));
  });

  it('refuses anything that could leave the renderer folder', () => {
    for (const url of [
      'tailor://app/..%2f..%2fetc%2fpasswd',
      'tailor://app/assets/..%2F..%2F..%2Fsecret',
      'tailor://app/a%5c..%5c..%5csecret',
      'tailor://app/C:/Windows/win.ini',
      'tailor://app/x%00.js',
      'tailor://app/%E0%A4%A',
    ]) {
      expect(resolveAppAsset(root, url), url).toBeNull();
    }
  });

  it('answers only for the app host of the app scheme', () => {
    expect(resolveAppAsset(root, 'tailor://evil/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'https://app/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'file:///srv/tailor/dist/renderer/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'not a url')).toBeNull();
  });
});

describe('URL rules', () => {
  it('recognises only the app origin', () => {
    expect(isAppUrl('tailor://app/index.html')).toBe(true);
    expect(isAppUrl('tailor://app')).toBe(true);
    expect(isAppUrl('tailor://app:8080/')).toBe(false);
    expect(isAppUrl('tailor://user@app/')).toBe(false);
    expect(isAppUrl('tailor://app.evil.com/')).toBe(false);
    expect(isAppUrl('https://app/')).toBe(false);
    expect(isAppUrl('about:srcdoc')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });

  it('hands only http(s) URLs to the system browser', () => {
    expect(externalHttpUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(externalHttpUrl('HTTP://Example.com')).toBe('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'tailor://app/',
      'smb://host/share',
      'ms-settings:',
      'https://',
      '',
      42,
      null,
    ]) {
      expect(externalHttpUrl(bad), String(bad)).toBeNull();
    }
  });

  it('lets the main frame show only the app, and preview frames only their srcdoc', () => {
    expect(isAllowedNavigation('tailor://app/index.html', true)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', true)).toBe(false);
    expect(isAllowedNavigation('about:blank', true)).toBe(false);
    expect(isAllowedNavigation('about:srcdoc', false)).toBe(true);
    expect(isAllowedNavigation('about:blank', false)).toBe(true);
    expect(isAllowedNavigation('https://example.com/track?id=1', false)).toBe(false);
    expect(isAllowedNavigation('tailor://app/index.html', false)).toBe(false);
  });

  it('lets a preview frame load a published remote-images preview, and nothing else of the app', () => {
    const id = 'a'.repeat(32);
    expect(isAllowedNavigation(`tailor://app/frames/${id}`, false)).toBe(true);
    expect(isAllowedNavigation(`tailor://app/frames/${id}`, true)).toBe(true);
    expect(isAllowedNavigation(`tailor://app/frames/${id}?x=1`, false)).toBe(false);
    expect(isAllowedNavigation(`tailor://app/frames/../index.html`, false)).toBe(false);
    expect(isAllowedNavigation(`tailor://evil/frames/${id}`, false)).toBe(false);
    expect(isAllowedNavigation(`https://example.com/frames/${id}`, false)).toBe(false);
  });
});

describe('responses', () => {
  it('serves scripts with a JavaScript type, since module scripts and workers require one', () => {
    expect(contentTypeFor('/x/assets/index.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/assets/editor.worker.MJS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/LICENSE')).toBe('application/octet-stream');
  });

  it('sends a policy that allows no network connections and no foreign code', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives).toContain("connect-src 'self'");
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('127.0.0.1');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    const headers = appResponseHeaders('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('requestedWorkspace', () => {
  const cwd = path.resolve('/home/ada');

  it('reads the workspace after the app folder when unpackaged', () => {
    expect(requestedWorkspace(['/x/electron', '.', 'shop.tailor'], false, cwd)).toBe(path.join(cwd, 'shop.tailor'));
    expect(requestedWorkspace(['/x/electron', '--no-sandbox', '.', '--inspect', 'shop.tailor'], false, cwd)).toBe(
      path.join(cwd, 'shop.tailor'),
    );
    expect(requestedWorkspace(['/x/electron', '.'], false, cwd)).toBeUndefined();
  });

  it('reads the first plain argument when packaged', () => {
    expect(requestedWorkspace(['/opt/Tailor/tailor', path.resolve('/data/a.tailor')], true, cwd)).toBe(path.resolve('/data/a.tailor'));
    expect(requestedWorkspace(['/Applications/Tailor.app/Contents/MacOS/Tailor', '-psn_0_1234'], true, cwd)).toBeUndefined();
  });
});
