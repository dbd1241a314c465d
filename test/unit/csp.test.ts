import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, appResponseHeaders } from '../../electron/main/security';
import { APP_CSP, APP_CSP_HEADER, PREVIEW_FRAME_CSP, previewCsp } from '../../shared/security/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** Sources that can only name the app itself or inline/local data, never another host. */
const LOCAL_SOURCES = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:', 'about:']);
const FETCHING = ['default-src', 'img-src', 'font-src', 'style-src', 'media-src', 'connect-src', 'frame-src', 'object-src', 'worker-src'];

describe('the app CSP every preview inherits', () => {
  const policies = {
    'the built page meta (APP_CSP)': APP_CSP,
    'the browser-mode header (APP_CSP_HEADER)': APP_CSP_HEADER,
    'the desktop tailor:// header': appResponseHeaders('/app/index.html')['Content-Security-Policy']!,
  };
  for (const [name, policy] of Object.entries(policies)) {
    it(`allows no remote image, font, style, frame or connection: ${name}`, () => {
      const parsed = directives(policy);
      for (const directive of FETCHING) {
        const sources = parsed.get(directive) ?? parsed.get('default-src')!;
        expect(
          sources.filter((source) => !LOCAL_SOURCES.has(source)),
          directive,
        ).toEqual([]);
      }
      expect(parsed.get('script-src')).toEqual(["'self'"]);
      expect(parsed.get('base-uri')).toEqual(["'none'"]);
      expect(parsed.get('form-action')).toEqual(["'none'"]);
    });
  }

  it('is the same policy in both hosts', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(APP_CSP_HEADER);
  });
});

describe('preview policies', () => {
  it('the srcdoc preview policy loads nothing remote and runs nothing unless remote images are on', () => {
    const parsed = directives(previewCsp(false));
    expect(parsed.get('default-src')).toEqual(["'none'"]);
    expect([...parsed.values()].flat().filter((source) => !LOCAL_SOURCES.has(source))).toEqual([]);
  });

  it('a host-served preview frame (remote images on) gets only images, fonts and styles from the web, in a sandbox', () => {
    const parsed = directives(PREVIEW_FRAME_CSP);
    expect(parsed.get('default-src')).toEqual(["'none'"]);
    expect(parsed.get('script-src')).toEqual(["'none'"]);
    expect(parsed.has('sandbox')).toBe(true);
    expect(parsed.get('sandbox')).toEqual([]);
    for (const [name, sources] of parsed) {
      if (!['img-src', 'font-src', 'style-src'].includes(name))
        expect(
          sources.filter((s) => !LOCAL_SOURCES.has(s)),
          name,
        ).toEqual([]);
    }
    expect(parsed.get('img-src')).toEqual(['data:', 'https:', 'http:']);
  });
});
