import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * A shared template must not reach the network from a preview. A request
 * logger on 127.0.0.1 stands in for a remote tracker: every vector below
 * points at it, in every head placement that fooled the old "insert after
 * the first <head>" code, and the logger must see nothing (not even a TCP
 * connection) while "Load remote images" is off. Unlike page.route, the
 * logger sees what really leaves the browser.
 */

interface Logger {
  base: string;
  hits: string[];
  connections: number;
  close(): Promise<void>;
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

async function startLogger(): Promise<Logger> {
  const hits: string[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const isCss = /css|import|stylesheet|mj-font/.test(req.url ?? '');
    res.writeHead(200, { 'content-type': isCss ? 'text/css' : 'image/gif', 'access-control-allow-origin': '*' });
    res.end(isCss ? `body{background:url(${req.url}-nested)}` : GIF);
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every way an email's markup can make a browser fetch something by itself (no click, no script needed). */
function vectors(L: string): Record<string, string> {
  return {
    img: `<img src="${L}/img" alt="">`,
    'img lazy': `<img src="${L}/img-lazy" loading="lazy" alt="">`,
    srcset: `<img srcset="${L}/srcset 1x, ${L}/srcset-2x 2x" alt="">`,
    'picture source': `<picture><source srcset="${L}/picture-source"><img src="data:," alt=""></picture>`,
    'table background': `<table background="${L}/table-background"><tr><td background="${L}/td-background">t</td></tr></table>`,
    'inline style url()': `<div style="background-image:url('${L}/inline-style')">s</div>`,
    'style element url()': `<style>.bg{background:url(${L}/style-url)}</style><div class="bg">b</div>`,
    'style @import': `<style>@import url("${L}/style-import.css");</style>`,
    'link stylesheet': `<link rel="stylesheet" href="${L}/link-stylesheet.css">`,
    'link preload': `<link rel="preload" as="image" href="${L}/link-preload">`,
    'link prefetch': `<link rel="prefetch" href="${L}/link-prefetch">`,
    'link icon': `<link rel="icon" href="${L}/link-icon">`,
    'link preconnect': `<link rel="preconnect" href="${L}">`,
    'link dns-prefetch': `<link rel="dns-prefetch" href="${L}">`,
    'link modulepreload': `<link rel="modulepreload" href="${L}/modulepreload">`,
    'link manifest': `<link rel="manifest" href="${L}/manifest">`,
    'video poster': `<video poster="${L}/video-poster" width="10" height="10"></video>`,
    'video src': `<video src="${L}/video-src" autoplay muted preload="auto"></video>`,
    'audio src': `<audio src="${L}/audio-src" autoplay preload="auto"></audio>`,
    'media source and track': `<video preload="auto"><source src="${L}/video-source"><track default src="${L}/track"></video>`,
    object: `<object data="${L}/object" width="10" height="10"></object>`,
    'object data: html': `<object data="data:text/html,<img src='${L}/object-data-html'>"></object>`,
    embed: `<embed src="${L}/embed" width="10" height="10">`,
    'svg image': `<svg width="10" height="10"><image href="${L}/svg-image" width="10" height="10"/></svg>`,
    'svg xlink image': `<svg width="10" height="10"><image xlink:href="${L}/svg-xlink-image" width="10" height="10"/></svg>`,
    'svg use': `<svg width="10" height="10"><use href="${L}/svg-use.svg#x"/></svg>`,
    'svg feImage': `<svg width="10" height="10"><filter id="f"><feImage href="${L}/svg-feimage"/></filter><rect filter="url(#f)" width="10" height="10"/></svg>`,
    'svg style @import': `<svg width="1" height="1"><style>@import url(${L}/svg-style-import.css);</style></svg>`,
    'meta refresh in body': `<meta http-equiv="refresh" content="1;url=${L}/meta-refresh">`,
    'form with autofocus': `<form action="${L}/form" method="get"><input name="q" autofocus value="x"><button>Go</button></form>`,
    iframe: `<iframe src="${L}/iframe" width="10" height="10"></iframe>`,
    'iframe data:': `<iframe src="data:text/html,<img src='${L}/iframe-data'>" width="10" height="10"></iframe>`,
    'nested srcdoc': `<iframe srcdoc="<img src='${L}/nested-srcdoc'>" width="10" height="10"></iframe>`,
    frame: `<frame src="${L}/frame">`,
    'font-face': `<style>@font-face{font-family:Leak;src:url(${L}/font-face.woff)}.leak{font-family:Leak}</style><span class="leak">f</span>`,
    'input type=image': `<input type="image" src="${L}/input-image" alt="go">`,
    'image-set': `<div style="background-image:image-set(url('${L}/image-set') 1x)">i</div>`,
    'cursor url()': `<div style="cursor:url(${L}/cursor),auto">c</div>`,
    'list-style-image': `<ul style="list-style-image:url(${L}/list-style-image)"><li>l</li></ul>`,
    'border-image': `<div style="border:5px solid;border-image:url(${L}/border-image) 30">e</div>`,
    'mask-image': `<div style="mask-image:url(${L}/mask-image);-webkit-mask-image:url(${L}/webkit-mask-image)">m</div>`,
    noscript: `<noscript><img src="${L}/noscript-img" alt=""></noscript>`,
    script: `<script src="${L}/script.js"></script><script>new Image().src = "${L}/inline-script";</script>`,
    anchor: `<a href="${L}/anchor">a link in view</a><map name="m"><area href="${L}/area" shape="rect" coords="0,0,10,10"></map>`,
    'event handler': `<img src="data:," onerror="this.src='${L}/onerror'" onload="this.src='${L}/onload'" alt="">`,
  };
}

/** Head placements that decide where a naive insertion would put the preview's CSP. */
function placements(L: string, body: string, marker: string): Record<string, string> {
  const content = `<p id="marker">${marker}</p>${body}`;
  return {
    'no head': `<html><body>${content}</body></html>`,
    'a bare fragment': content,
    'a late head after content': `${content}<head><title>late</title></head>`,
    '<head> inside a comment': `<!-- <head> --><html><head><title>x</title></head><body>${content}</body></html>`,
    'two heads': `<html><head><title>one</title></head><head><meta http-equiv="Content-Security-Policy" content="default-src *"></head><body>${content}</body></html>`,
    'its own permissive meta CSP': `<html><head><meta http-equiv="Content-Security-Policy" content="default-src * data: 'unsafe-inline'; img-src *"></head><body>${content}</body></html>`,
    'its own <base>': `<html><head><base href="${L}/base/"></head><body>${content}<img src="relative-after-base" alt=""><link rel="stylesheet" href="relative.css"></body></html>`,
    'a meta refresh in the head': `<html><head><meta http-equiv="refresh" content="0;url=${L}/head-refresh"></head><body>${content}</body></html>`,
  };
}

/** MJML's own remote loads: mj-font links and @imports, and its default web fonts. */
function mjmlTemplate(L: string, marker: string): string {
  return `<mjml><mj-head><mj-font name="Leaky" href="${L}/mj-font.css" /><mj-attributes><mj-all font-family="Leaky, Ubuntu, Helvetica" /></mj-attributes></mj-head>
<mj-body><mj-section background-url="${L}/mj-section-background"><mj-column>
<mj-text><p id="marker">${marker}</p></mj-text>
<mj-image src="${L}/mj-image" />
</mj-column></mj-section></mj-body></mjml>`;
}

async function apiCall(url: string, method: string, input: unknown): Promise<unknown> {
  const { origin, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tailor-token': token },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; data?: unknown; error?: unknown };
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

/** Selects a template and waits until every persona's preview shows its marker. */
async function renderAsPersonas(page: Page, name: string, marker: string): Promise<void> {
  await page.getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  const cards = page.getByTestId('preview-card');
  await expect(cards).toHaveCount(3);
  for (let i = 0; i < 3; i += 1) {
    await expect(cards.nth(i).frameLocator('iframe').locator('#marker'), `${name}, persona ${i + 1}`).toHaveText(marker);
  }
}

const BLOCKED_BEFORE_SENDING = new Set(['csp', 'origin', 'net::ERR_BLOCKED_BY_CSP']);

let logger: Logger;
test.beforeEach(async () => {
  logger = await startLogger();
});
test.afterEach(async () => {
  await logger.close();
});

test('no preview reaches the network while remote images are off, whatever the template holds', async ({ page, studio }) => {
  test.setTimeout(240_000);
  const L = logger.base;
  const corpus = vectors(L);
  expect(Object.keys(corpus).length).toBeGreaterThanOrEqual(30);
  const body = Object.values(corpus).join('\n');

  const templates: Array<{ name: string; marker: string; source: string }> = [];
  for (const [placement, source] of Object.entries(placements(L, body, 'MARKER'))) {
    const marker = `Rendered with ${placement.replace(/[<>]/g, '')}`;
    templates.push({ name: `Leak test: ${placement}`, marker, source: source.replace('MARKER', marker) });
  }
  templates.push({ name: 'Leak test: MJML web fonts', marker: 'Rendered from MJML', source: mjmlTemplate(L, 'Rendered from MJML') });
  for (const template of templates) await apiCall(studio.url, 'templates.create', { name: template.name, source: template.source });

  // Anything else the page sends outside the studio, e.g. MJML's default Google fonts (which the logger
  // cannot see). Playwright reports requests the browser refused before sending too, as failed with the
  // blocking reason ("csp", or "origin" for a cross-origin SVG <use>): those never left.
  const foreign: string[] = [];
  const blocked: string[] = [];
  const studioOrigin = new URL(studio.url).origin;
  const isForeign = (url: string) => !url.startsWith(studioOrigin) && !url.startsWith('data:') && !url.startsWith('about:');
  page.on('requestfinished', (request) => {
    if (isForeign(request.url())) foreign.push(`${request.url()} (finished)`);
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    if (!isForeign(request.url())) return;
    if (BLOCKED_BEFORE_SENDING.has(error)) blocked.push(request.url());
    else foreign.push(`${request.url()} (${error})`);
  });

  await page.goto(studio.url);
  await expect(page.getByLabel('Load remote images')).not.toBeChecked();
  for (const template of templates) await renderAsPersonas(page, template.name, template.marker);
  await studio.shot(page, 'preview-isolation-blocked');

  // Lazy loads, meta refresh timers and font swaps get time to fire; the markers prove the previews are there.
  await page.waitForTimeout(3000);
  // MJML's default web-font <link> and @import were in the templates; the blocked previews leave them out
  // (rather than have the CSP refuse them, and log it, on every render), so the browser never even tries.
  expect(blocked.filter((url) => url.startsWith('https://fonts.googleapis.com/'))).toEqual([]);
  for (const template of templates.slice(-2)) await renderAsPersonas(page, template.name, template.marker);
  expect(logger.hits, 'requests that reached the logger').toEqual([]);
  expect(logger.connections, 'TCP connections to the logger').toBe(0);
  expect(foreign, 'requests the page made outside the studio').toEqual([]);
});

test('with "Load remote images" on, a plain remote image is fetched, and scripts still do not run', async ({ page, studio }) => {
  const L = logger.base;
  await apiCall(studio.url, 'templates.create', {
    name: 'Remote image',
    source: `<html><head></head><body><p id="marker">Remote on</p><img src="${L}/allowed.gif?id={{ id }}" alt="">
<script>document.getElementById("marker").textContent = "SCRIPT RAN";</script></body></html>`,
  });
  await page.goto(studio.url);
  await renderAsPersonas(page, 'Remote image', 'Remote on');
  await page.waitForTimeout(1000);
  expect(logger.hits).toEqual([]);

  await page.getByLabel('Load remote images').check();
  await expect.poll(() => logger.hits.filter((hit) => hit.startsWith('GET /allowed.gif')).length).toBeGreaterThanOrEqual(3);
  const cards = page.getByTestId('preview-card');
  for (let i = 0; i < 3; i += 1) await expect(cards.nth(i).frameLocator('iframe').locator('#marker')).toHaveText('Remote on');
  await studio.shot(page, 'preview-isolation-remote-on');

  // Turning it off again goes back to the blocking srcdoc frame.
  await page.getByLabel('Load remote images').uncheck();
  await renderAsPersonas(page, 'Remote image', 'Remote on');
  const before = logger.hits.length;
  await page.waitForTimeout(1000);
  expect(logger.hits.length).toBe(before);
});
