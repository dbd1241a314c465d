import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { preparePreview, readPreview } from '../../shared/templates/preview-document';
import { placeholderSrc } from '../../shared/templates/preview/images';
import { visibleText } from '../../shared/templates/preview/inbox-row';
import { darkenColor, darkenColors } from '../../shared/templates/preview/partial-inversion';

/** Re-parse a preview document the way the frame will and list its images' sources and marks. */
function frame(doc: string) {
  const root = parse(doc, { scriptingEnabled: false });
  const all: { tagName: string; attrs: { name: string; value: string }[] }[] = [];
  const walk = (node: object) => {
    if ('tagName' in node) all.push(node as (typeof all)[number]);
    if ('childNodes' in node) (node.childNodes as object[]).forEach(walk);
  };
  walk(root);
  const attr = (e: (typeof all)[number], name: string) => e.attrs.find((a) => a.name === name)?.value;
  return { all, attr, images: all.filter((e) => e.tagName === 'img').map((e) => attr(e, 'src') ?? '') };
}

const EMAIL = (name: string, vip: boolean) =>
  `<!doctype html><html><head><title>Hi ${name}, your offer</title><style>@media (prefers-color-scheme: dark) { body { background: #000 } }</style></head>` +
  `<body><div style="display:none;font-size:1px;max-height:0px;">Only today for ${name}&#847;&zwnj;&nbsp;&#847;&zwnj;&nbsp;</div>` +
  `<div><img src="https://cdn.example/hero.png" alt="Hero for ${name}" width="600" height="200"><img src="data:image/gif;base64,R0lGOD" alt="dot"></div>` +
  `<p>Hello <b>${name}</b>, welcome back.</p>${vip ? '<p>Your VIP gift is waiting.</p>' : ''}<p>See you soon.</p></body></html>`;

describe('blocked images', () => {
  it('become data: placeholders with their alt text, so the frame makes no request and logs nothing', () => {
    const prepared = preparePreview(EMAIL('Ana', false), { allowRemote: false });
    expect(prepared.remoteImages).toBe(1);
    const { images } = frame(prepared.document);
    expect(images.every((src) => src.startsWith('data:'))).toBe(true);
    expect(decodeURIComponent(images[0]!)).toContain('Hero for Ana (image blocked)');
    expect(decodeURIComponent(images[0]!)).toContain('width="600" height="200"');
    // The inline data: image is not remote: it stays as it is.
    expect(images[1]).toBe('data:image/gif;base64,R0lGOD');
  });

  it('fit their label in a small image: a smaller font, then an ellipsis', () => {
    const logo = decodeURIComponent(placeholderSrc('Linden & Loom (image blocked)', 160, 40));
    expect(logo).toContain('font-size="9"');
    expect(logo).toContain('>Linden &amp; Loom (image blocked)<');
    expect(decodeURIComponent(placeholderSrc('A very long description of a tiny icon', 40, 40))).toMatch(/>[^<]{1,8}…</);
  });

  it('stay as written when remote loads are on', () => {
    const { images } = frame(preparePreview(EMAIL('Ana', false), { allowRemote: true }).document);
    expect(images[0]).toBe('https://cdn.example/hero.png');
  });

  it('the images-off view shows every image as its alt text, remote loads or not', () => {
    const { images } = frame(preparePreview(EMAIL('Ana', false), { allowRemote: true, images: 'off' }).document);
    expect(images.map((src) => decodeURIComponent(src))).toEqual([
      expect.stringContaining('>Hero for Ana<'),
      expect.stringContaining('>dot<'),
    ]);
  });

  it('drops remote background attributes, srcsets and <source srcset> while blocked', () => {
    const doc = preparePreview(
      '<table background="https://x.example/bg.png"><tr><td>x</td></tr></table><picture><source srcset="https://x.example/a.webp"><img src="https://x.example/a.png"></picture>' +
        '<img srcset="data:, 1x, https://x.example/b.png 2x" alt="b">',
      { allowRemote: false },
    ).document;
    expect(doc).not.toContain('x.example');
  });
});

describe('style attributes', () => {
  it('go through the attribute rewrite only when they hold a url()', () => {
    const seen: string[] = [];
    const doc = preparePreview('<td style="color: red">a</td><div style="background:url(https://x.example/bg.png) #fff">b</div>', {
      allowRemote: false,
      rewriteStyleAttribute: (declarations, context) => {
        seen.push(`${context.allowRemote}:${declarations}`);
        return 'background-color: #fff';
      },
    }).document;
    expect(seen).toEqual(['false:background:url(https://x.example/bg.png) #fff']);
    expect(doc).toContain('<div style="background-color: #fff">b</div>');
  });
});

describe('inbox row', () => {
  it('reads the subject from <title> and the preheader from the hidden first block, rendered per persona', () => {
    const { inbox } = readPreview(EMAIL('Zoë', false), []);
    expect(inbox.subject).toBe('Hi Zoë, your offer');
    expect(inbox.preheader).toBe('Only today for Zoë');
    // The fillers after it (U+034F, zero-width non-joiners, spaces) are not seen.
    expect(inbox.preheaderLength).toBe(18);
  });

  it('has no preheader when the body starts with visible text', () => {
    const { inbox } = readPreview('<html><head><title></title></head><body>Hello<div style="display:none">later</div></body></html>', []);
    expect(inbox).toEqual({ subject: null, preheader: null, preheaderLength: 0 });
  });

  it('counts what a reader sees', () => {
    expect(visibleText(' a\u034F\u200C\u00A0 b\u00AD ')).toBe('a b');
  });
});

describe('compare mode', () => {
  const tokensAna = [{ name: 'first_name', value: 'Ana' }];
  const tokensLi = [{ name: 'first_name', value: 'Li' }];

  it('marks token text, and the blocks one persona has and another has not', () => {
    const ana = readPreview(EMAIL('Ana', true), tokensAna);
    const li = readPreview(EMAIL('Li', false), tokensLi);
    const forAna = preparePreview(EMAIL('Ana', true), { allowRemote: false, compare: { tokens: tokensAna, others: [li.blocks] } });
    const forLi = preparePreview(EMAIL('Li', false), { allowRemote: false, compare: { tokens: tokensLi, others: [ana.blocks] } });

    const a = frame(forAna.document);
    const diff = a.all.filter((e) => a.attr(e, 'data-tailor-diff') === 'block');
    expect(diff).toHaveLength(1);
    expect(forAna.document).toMatch(/<p data-tailor-diff="block">Your VIP gift is waiting\.<\/p>/);
    expect(forAna.document).toContain('<b><mark data-tailor-token="first_name" title="From {{ first_name }}">Ana</mark></b>');
    expect(forAna.compare).toEqual({ onlyHere: 1, missingHere: 0, tokenTexts: 2 });
    // "Hello Ana, welcome back." and "Hello Li, …" are the same block with a different token.
    expect(forLi.compare).toEqual({ onlyHere: 0, missingHere: 1, tokenTexts: 2 });
    expect(forLi.document).toContain('<mark data-tailor-token="first_name" title="From {{ first_name }}">Li</mark>');
  });

  it('marks whole words only', () => {
    const doc = preparePreview('<p>Lima is far, Li.</p>', {
      allowRemote: false,
      compare: { tokens: tokensLi, others: [] },
    }).document;
    expect(doc).toContain('<p>Lima is far, <mark data-tailor-token="first_name" title="From {{ first_name }}">Li</mark>.</p>');
  });
});

describe('appearance', () => {
  it('hands every template <style> to the sheet rewrite with what the preview shows, and adds the scheme last', () => {
    const seen: string[] = [];
    const doc = preparePreview(EMAIL('Ana', false), {
      allowRemote: false,
      appearance: 'dark',
      rewriteSheet: (css, context) => {
        seen.push(`${context.appearance}:${context.allowRemote}:${css}`);
        return '/* rewritten */';
      },
    }).document;
    expect(seen).toEqual(['dark:false:@media (prefers-color-scheme: dark) { body { background: #000 } }']);
    expect(doc).toContain('<style>/* rewritten */</style>');
    expect(doc).toMatch(/<style data-tailor="">:root \{ color-scheme: dark; \}<\/style><\/head>/);
  });

  it('inverts colours for forced dark mode, and turns images back', () => {
    const doc = preparePreview(EMAIL('Ana', false), { allowRemote: false, appearance: 'inverted' }).document;
    expect(doc).toContain(':root { color-scheme: light; background: #fff; filter: invert(1) hue-rotate(180deg); }');
    expect(doc).toContain('img, picture, video, [background] { filter: invert(1) hue-rotate(180deg); }');
  });
});

describe('partial inversion', () => {
  it('darkens light backgrounds and lightens dark text, keeping their hue; the rest stays', () => {
    const white = darkenColor({ r: 255, g: 255, b: 255, a: 1 }, 'background');
    expect(white).toEqual({ r: 20, g: 20, b: 20, a: 1 });
    expect(darkenColor({ r: 17, g: 17, b: 17, a: 1 }, 'text').r).toBeGreaterThan(200);
    // A dark band and light text are left alone.
    expect(darkenColor({ r: 29, g: 59, b: 69, a: 1 }, 'background')).toEqual({ r: 29, g: 59, b: 69, a: 1 });
    expect(darkenColor({ r: 250, g: 250, b: 250, a: 1 }, 'text')).toEqual({ r: 250, g: 250, b: 250, a: 1 });
    // A light orange stays orange: red the largest channel, blue the smallest.
    const orange = darkenColor({ r: 255, g: 220, b: 180, a: 1 }, 'background');
    expect(orange.r).toBeGreaterThan(orange.g);
    expect(orange.g).toBeGreaterThan(orange.b);
    expect(darkenColors('rgba(255, 255, 255, 0.5) rgb(0, 0, 0)', 'background')).toBe('rgba(20, 20, 20, 0.5) rgb(0, 0, 0)');
  });

  it('applies to HTML colour attributes and sends every style attribute to the rewrite', () => {
    const seen: string[] = [];
    const doc = preparePreview('<table bgcolor="#ffffff"><tr><td style="color: #000"><font color="#000000">x</font></td></tr></table>', {
      allowRemote: false,
      appearance: 'partial',
      rewriteStyleAttribute: (declarations) => {
        seen.push(declarations);
        return declarations;
      },
    }).document;
    expect(doc).toContain('bgcolor="#141414"');
    expect(doc).toMatch(/<font color="#[e-f][0-9a-f]{5}">/);
    expect(seen).toEqual(['color: #000']);
  });
});
