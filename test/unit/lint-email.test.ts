import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caniemailData, clientSupport, expandClients } from '../../electron/services/lint/caniemail-data';
import { featuresUsed, lintClientSupport } from '../../electron/services/lint/client-support';
import { lintEmail } from '../../electron/services/lint/lint-email';
import { GMAIL_CLIP_BYTES } from '../../shared/qa/lint/gmail-clip';

const NO_CLIENTS = { clients: [], requiredUtm: [] };
const FOOTER = '<a href="https://example.com/unsubscribe">Unsubscribe</a>';
const email = (body: string) => `<!doctype html><html><head><title>Hi</title></head><body>\n${body}\n${FOOTER}\n</body></html>`;
const rules = (html: string, options = NO_CLIENTS) => lintEmail(html, options).map((f) => `${f.severity} ${f.rule}`);

describe('lintEmail: links', () => {
  it('flags empty, # and malformed links as errors, http as a warning, and leaves https and mailto alone', () => {
    const findings = lintEmail(
      email(
        [
          '<a href="">empty</a>',
          '<a href="#">hash</a>',
          '<a href="#top">anchor</a>',
          '<a href="shop.example.com/x">relative</a>',
          '<a href="http://example.com">plain http</a>',
          '<a href="javascript:alert(1)">script</a>',
          '<a href="https://example.com/ok">ok</a>',
          '<a href="mailto:help@example.com">mail</a>',
          '<a name="top">no href</a>',
        ].join('\n'),
      ),
      NO_CLIENTS,
    );
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['link-empty', 'error', 2],
      ['link-hash', 'error', 3],
      ['link-hash', 'error', 4],
      ['link-malformed', 'error', 5],
      ['link-https', 'error', 7],
      ['link-https', 'warning', 6],
    ]);
    expect(findings[0]!.excerpt).toBe('<a href="">');
  });

  it('requires the UTM parameters the workspace asks for, on web links only', () => {
    const html = email(
      [
        '<a href="https://example.com/?utm_source=email&utm_campaign=spring">both</a>',
        '<a href="https://example.com/?utm_source=email">one</a>',
        '<a href="https://example.com/?utm_source=&utm_campaign=x">empty value</a>',
        '<a href="mailto:a@example.com">mail</a>',
      ].join('\n'),
    );
    expect(rules(html)).toEqual([]);
    const findings = lintEmail(html, { clients: [], requiredUtm: ['utm_source', 'utm_campaign'] });
    expect(findings.map((f) => [f.rule, f.line, f.message.split(',')[0]])).toEqual([
      ['link-utm', 3, 'A link lacks utm_campaign'],
      ['link-utm', 4, 'A link lacks utm_source'],
      // The footer's unsubscribe link carries none.
      ['link-utm', 6, 'A link lacks utm_source'],
    ]);
  });
});

describe('lintEmail: images', () => {
  it('an image without alt is an error; empty alt is decorative unless the image is all its link has', () => {
    const findings = lintEmail(
      email(
        [
          '<img src="https://example.com/a.png">',
          '<img src="https://example.com/b.png" alt="">',
          '<a href="https://example.com/c"><img src="https://example.com/c.png" alt=""></a>',
          '<a href="https://example.com/d"><img src="https://example.com/d.png" alt=""> Shop now</a>',
          '<img src="https://example.com/e.png" alt="A red scarf">',
        ].join('\n'),
      ),
      NO_CLIENTS,
    );
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['img-alt', 'error', 2],
      ['img-alt', 'error', 4],
      ['img-alt-decorative', 'info', 3],
      ['img-alt-decorative', 'info', 5],
    ]);
  });
});

describe('lintEmail: unsubscribe and size', () => {
  it('requires an unsubscribe link, by its text or its address', () => {
    const without = '<html><body><a href="https://example.com">Shop</a></body></html>';
    expect(rules(without)).toEqual(['error unsubscribe']);
    expect(rules('<html><body><a href="https://example.com/u?id=1">Se désabonner</a></body></html>')).toEqual([]);
    expect(rules('<html><body><a href="https://esp.example.com/unsubscribe/abc">Manage</a></body></html>')).toEqual([]);
  });

  it("warns near Gmail's clipping limit and errors past it, in bytes", () => {
    const filler = (bytes: number) => `<p>${'é'.repeat(Math.ceil(bytes / 2))}</p>`;
    expect(rules(email(filler(1000)))).toEqual([]);
    expect(rules(email(filler(95 * 1024)))).toEqual(['warning gmail-clip']);
    // 52 KB of characters, over 102 KB of UTF-8.
    expect(rules(email(filler(GMAIL_CLIP_BYTES + 100)))).toEqual(['error gmail-clip']);
  });
});

describe('client support (caniemail 2026 data, features found by doiuse-email)', () => {
  const data = caniemailData();
  const reference = JSON.parse(
    fs.readFileSync(path.join(__dirname, '../fixtures/caniemail/doiuse-email-0.4.1_reference_runs.json'), 'utf8'),
  ) as { cases: { input: { html: string }; output: { errors?: string[]; warnings: string[] } }[] };

  it('finds every feature doiuse-email reported on its reference runs', () => {
    for (const { input, output } of reference.cases) {
      const named = new Set([...(output.errors ?? []), ...output.warnings].map((message) => /^`(.+?)` is/.exec(message)?.[1]));
      const used = featuresUsed(input.html);
      for (const title of named) expect(used, input.html).toContain(title);
    }
  });

  it('reads the newest version, not the one that sorts last as text', () => {
    const flex = data.byTitle.get('display:flex')!;
    expect(clientSupport(flex, 'outlook.windows')).toEqual({ support: 'no', notes: [] });
    expect(clientSupport(flex, 'nowhere.desktop')).toBeNull();
    // Outlook for Mac: {"2019-02": "y", "16.80": "n"}. As text "2019-02" sorts last, but 16.80 is the newer version.
    expect(data.byTitle.get('@import')!.stats.outlook!.macos).toEqual({ '2019-02': 'y', '16.80': 'n' });
    expect(clientSupport(data.byTitle.get('@import')!, 'outlook.macos')?.support).toBe('no');
    // Thunderbird: {"78.10": "y", "149.0.1": "n"}.
    expect(clientSupport(data.byTitle.get('animation')!, 'thunderbird.macos')?.support).toBe('no');
    // Notes travel with the verdict: "a #1 #10".
    const media = clientSupport(data.byTitle.get('@media')!, 'outlook.macos')!;
    expect(media.support).toBe('partial');
    expect(media.notes).toHaveLength(2);
  });

  it('expands family globs to the platforms caniemail tests', () => {
    expect(expandClients(['gmail.*'], data.clients)).toEqual([
      'gmail.android',
      'gmail.desktop-webmail',
      'gmail.ios',
      'gmail.mobile-webmail',
    ]);
    expect(expandClients(['outlook.windows', 'nope.web'], data.clients)).toEqual(['outlook.windows']);
    expect(data.clients.find((c) => c.id === 'outlook.windows')?.label).toBe('Outlook · Windows');
  });

  it('one finding per feature: a warning naming the clients without support, info for partial support', () => {
    const html = '<html><head><style>.a{display:flex}</style></head><body><div class="a" style="margin:0">x</div></body></html>';
    const findings = lintClientSupport(html, ['outlook.windows', 'apple-mail.macos']);
    const flex = findings.find((f) => f.message.startsWith('display:flex'));
    expect(flex).toMatchObject({
      rule: 'client-support',
      severity: 'warning',
      excerpt: 'https://www.caniemail.com/features/css-display-flex/',
    });
    expect(flex!.message).toContain('not supported by outlook.windows');
    expect(flex!.message).not.toContain('apple-mail.macos');
    expect(findings.find((f) => f.message.startsWith('margin'))).toMatchObject({ severity: 'info' });
    expect(lintClientSupport(html, [])).toEqual([]);
  });
});
