import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { previewCsp } from '../../shared/security/csp';
import { preparePreview, previewDocument } from '../../shared/templates/preview-document';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

const isElement = (node: Node): node is Element => 'tagName' in node;

function elements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  const own = isElement(node) ? [node] : [];
  const inTemplate = isElement(node) && node.tagName === 'template' && 'content' in node ? elements(node.content) : [];
  return [...own, ...children.flatMap(elements), ...inTemplate];
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/** Re-parse the output the way the sandboxed frame will (scripting off) and read what ends up where. */
function inspect(doc: string) {
  const document = parse(doc, { scriptingEnabled: false });
  const all = elements(document);
  const heads = all.filter((e) => e.tagName === 'head');
  const firstInHead = heads[0]?.childNodes.find(isElement);
  return {
    heads,
    firstInHead,
    cspMetas: all.filter((e) => e.tagName === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy'),
    httpEquivs: all.filter((e) => e.tagName === 'meta' && attr(e, 'http-equiv') !== undefined),
    bases: all.filter((e) => e.tagName === 'base'),
    links: all.filter((e) => e.tagName === 'link'),
  };
}

const BLOCKING = previewCsp(false);
const TRACKER = '<img src="https://t.example/p.gif">';

/** Head placements a template may use to slip past an insertion that looks for the first `<head>`. */
const PLACEMENTS: Record<string, string> = {
  'a normal head': `<!doctype html><html><head><title>x</title></head><body>${TRACKER}<p>marker</p></body></html>`,
  'no head': `<html><body>${TRACKER}<p>marker</p></body></html>`,
  'a bare fragment': `${TRACKER}<p>marker</p>`,
  'a head after content': `<p>marker</p>${TRACKER}<head><title>late</title></head>`,
  '<head> inside a comment': `<!-- <head> --><html><head><title>x</title></head><body>${TRACKER}</body></html>`,
  '<head> inside a comment in the body': `<html><body><!-- <head> -->${TRACKER}<head></head></body></html>`,
  'two heads': `<html><head></head><head><meta http-equiv="Content-Security-Policy" content="img-src *"></head><body>${TRACKER}</body></html>`,
  '<head> in a script string': `<html><script>var s = "<head>";</script><body>${TRACKER}</body></html>`,
  'a <header> only': `<html><body><header>x</header>${TRACKER}</body></html>`,
  'a permissive meta CSP of its own': `<html><head><meta http-equiv="Content-Security-Policy" content="default-src *"></head><body>${TRACKER}</body></html>`,
  'its own <base href>': `<html><head><base href="https://evil.example/"></head><body><img src="p.gif"></body></html>`,
  'a meta refresh': `<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/"></head><body>x</body></html>`,
  'a meta refresh inside noscript': `<html><head><noscript><meta http-equiv="refresh" content="0;url=https://evil.example/"></noscript></head><body>x</body></html>`,
  'uppercase tags': `<HTML><HEAD><META HTTP-EQUIV="REFRESH" CONTENT="0;url=https://evil.example/"><BASE HREF="https://evil.example/"></HEAD><BODY>${TRACKER}</BODY></HTML>`,
  'a meta refresh in the body': `<html><body><p>x</p><meta http-equiv="refresh" content="0;url=https://evil.example/"></body></html>`,
  'a meta refresh in a template element': `<html><body><template><meta http-equiv="refresh" content="0;url=https://evil.example/"></template></body></html>`,
};

describe('previewDocument', () => {
  for (const [name, html] of Object.entries(PLACEMENTS)) {
    it(`puts our blocking CSP first in the one real head, for ${name}`, () => {
      const doc = previewDocument(html, { allowRemote: false });
      const found = inspect(doc);
      expect(found.heads).toHaveLength(1);
      expect(found.firstInHead?.tagName).toBe('meta');
      expect(attr(found.firstInHead!, 'content')).toBe(BLOCKING);
      // Only our own policy and no template http-equiv survives (refresh, its own CSP, set-cookie...).
      expect(found.cspMetas).toHaveLength(1);
      expect(found.httpEquivs).toHaveLength(1);
      // Our <base> only sets a target; the template's <base href> is gone.
      expect(found.bases.map((base) => base.attrs)).toEqual([[{ name: 'target', value: '_blank' }]]);
      // In serialized form too: nothing the browser could load precedes the policy.
      expect(doc).toMatch(/^(<!DOCTYPE html>)?(<!--.*?-->)*<html[^>]*><head><meta http-equiv="Content-Security-Policy"/s);
    });
  }

  it('keeps the email itself', () => {
    const doc = previewDocument(PLACEMENTS['a head after content']!, { allowRemote: true });
    expect(doc).toContain('<p>marker</p>');
    expect(doc).toContain(TRACKER);
  });

  it('blocks scripts and remote loads by default', () => {
    expect(BLOCKING).toContain("script-src 'none'");
    expect(BLOCKING).toContain("default-src 'none'");
    expect(BLOCKING).not.toMatch(/https?:|\*/);
  });

  it('allows remote images, fonts and styles only when asked', () => {
    const doc = previewDocument('<html><head></head></html>', { allowRemote: true });
    const meta = inspect(doc).firstInHead!;
    expect(attr(meta, 'content')).toBe(previewCsp(true));
    expect(previewCsp(true)).toContain('img-src data: https: http:');
    expect(previewCsp(true)).toContain("script-src 'none'");
  });

  it('drops nested browsing contexts, which connect before their CSP check', () => {
    const doc = previewDocument(
      '<p>x</p><iframe src="http://t.example/"></iframe><object data="http://t.example/o"><embed src="http://t.example/e"></object>' +
        '<iframe srcdoc="<img src=http://t.example/n>"></iframe><svg><foreignObject><iframe src="http://t.example/f"></iframe></foreignObject></svg>',
      { allowRemote: false },
    );
    expect(doc).not.toContain('t.example');
    expect(doc).toContain('<p>x</p>');
  });

  it('counts the remote images the email shows, as the browser parses it', () => {
    const html =
      '<img src="https://a.example/1.png"><IMG SRC=http://a.example/2.png><img src="data:,"><!-- <img src="https://c.example/"> -->';
    expect(preparePreview(html, { allowRemote: false }).remoteImages).toBe(2);
  });

  it('drops resource hints no CSP governs; remote stylesheets stay for the CSP to judge only when remote loads are on', () => {
    const html =
      '<html><head><link rel="preconnect" href="https://fonts.example"><link rel="DNS-Prefetch" href="//x.example">' +
      '<link rel="preload" as="image" href="https://x.example/a.png"><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Ubuntu"></head></html>';
    expect(inspect(previewDocument(html, { allowRemote: true })).links.map((link) => attr(link, 'rel'))).toEqual(['stylesheet']);
    // Blocked, it would only be refused (and logged) on every render.
    expect(inspect(previewDocument(html, { allowRemote: false })).links).toEqual([]);
  });
});
