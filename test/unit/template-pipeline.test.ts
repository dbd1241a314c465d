import { describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/contract/schemas';
import { createLiquid } from '../../shared/templates/liquid-engine';
import { protectLiquid } from '../../shared/templates/protect-liquid';
import { sourceLocator } from '../../shared/templates/source-positions';
import { compileTemplate, renderForCustomer } from '../../electron/services/template-compiler';

const customer = (over: Partial<Customer> = {}): Customer => ({
  id: 'C1',
  email: 'ana@example.com',
  first_name: 'Ana',
  last_name: 'Łukasiewicz',
  phone: null,
  birth_date: null,
  gender: null,
  city: 'Kraków',
  country: 'PL',
  attributes: { loyalty_tier: 'Gold', lifetime_value: '1500.00', offer_image_url: 'https://img.example.com/gold.png' },
  ...over,
});

const TEMPLATE = `<mjml>
  <mj-body>
    {% if loyalty_tier == 'Gold' %}
    <mj-section><mj-column><mj-text>PREMIUM for {{ FirstName }}</mj-text></mj-column></mj-section>
    {% else %}
    <mj-section><mj-column><mj-text>STANDARD for {{ first_name | default: 'friend' }}</mj-text></mj-column></mj-section>
    {% endif %}
    <mj-section>
      <mj-column>
        <mj-image src="{{ OfferImageUrl | default: 'https://img.example.com/default.png' }}" alt="Offer for {{ FirstName }}" />
        {% if city %}
        <mj-text>City: {{ city }}</mj-text>
        {% endif %}
        <mj-button href="https://shop.example.com/offer?cid={{ id }}&utm_source=email">Shop now</mj-button>
        <mj-raw><p class="raw">Raw {{ LoyaltyTier }}</p></mj-raw>
        {% for i in (1..2) %}<mj-text>Item {{ i }}</mj-text>{% endfor %}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

describe('protectLiquid', () => {
  it('wraps structural block tags in mj-raw and leaves text, attributes and raw content alone', () => {
    const out = protectLiquid(TEMPLATE);
    expect(out).toContain("<mj-raw>{% if loyalty_tier == 'Gold' %}</mj-raw>");
    expect(out).toContain('<mj-raw>{% endif %}</mj-raw>');
    expect(out).toContain('<mj-text>PREMIUM for {{ FirstName }}</mj-text>');
    expect(out).toContain('href="https://shop.example.com/offer?cid={{ id }}&utm_source=email"');
    expect(out).toContain('<mj-raw><p class="raw">Raw {{ LoyaltyTier }}</p></mj-raw>');
    expect(out.split('\n')).toHaveLength(TEMPLATE.split('\n').length);
  });

  it('leaves Liquid outside mj-body and inside comments untouched', () => {
    const src = '<mjml><mj-head><mj-title>{{ FirstName }}</mj-title></mj-head><mj-body><!-- {% if x %} --></mj-body></mjml>';
    expect(protectLiquid(src)).toBe(src);
  });
});

describe('compile once, render per customer', () => {
  it('keeps every token through MJML and renders the right values per customer', async () => {
    const compiled = await compileTemplate(TEMPLATE);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const html = compiled.html ?? '';
    expect(html).toContain("{% if loyalty_tier == 'Gold' %}");
    expect(html).toContain('{% endfor %}');
    expect(html).toContain('href="https://shop.example.com/offer?cid={{ id }}&utm_source=email"');
    expect(html).toContain('alt="Offer for {{ FirstName }}"');

    const gold = renderForCustomer(compiled, customer()).html ?? '';
    expect(gold).toContain('PREMIUM for Ana');
    expect(gold).not.toContain('STANDARD');
    expect(gold).toContain('href="https://shop.example.com/offer?cid=C1&utm_source=email"');
    expect(gold).toContain('src="https://img.example.com/gold.png"');
    expect(gold).toContain('alt="Offer for Ana"');
    expect(gold).toContain('City: Kraków');
    expect(gold).toContain('Raw Gold');
    expect(gold).toContain('Item 1');
    expect(gold).toContain('Item 2');
    expect(gold).not.toMatch(/\{\{|\{%/);

    const other = renderForCustomer(compiled, customer({ id: 'C2', first_name: null, city: null, attributes: {} })).html ?? '';
    expect(other).toContain('STANDARD for friend');
    expect(other).not.toContain('PREMIUM');
    expect(other).not.toContain('City:');
    expect(other).toContain('src="https://img.example.com/default.png"');
    expect(other).toContain('cid=C2');
  });

  it('reports the tokens each customer resolved, marking missing ones', async () => {
    const compiled = await compileTemplate(TEMPLATE);
    const tokens = renderForCustomer(compiled, customer({ first_name: '' })).tokens;
    expect(tokens).toContainEqual({ name: 'FirstName', value: null, missing: true });
    expect(tokens).toContainEqual({ name: 'LoyaltyTier', value: 'Gold', missing: false });
  });

  it('reports a Liquid syntax error at the source line and never returns a blank render', async () => {
    const broken = TEMPLATE.replace('{% if city %}', '{% if city %');
    const compiled = await compileTemplate(broken);
    const error = compiled.diagnostics.find((d) => d.severity === 'error');
    expect(error?.source).toBe('liquid');
    expect(error?.line).toBe(broken.split('\n').findIndex((l) => l.includes('{% if city %')) + 1);
    const rendered = renderForCustomer(compiled, customer());
    expect(rendered.html).toBeNull();
    expect(rendered.problem).toMatch(/Line \d+/);
  });

  it('reports an unknown filter with its line', async () => {
    const compiled = await compileTemplate('<p>\n{{ FirstName | defualt: "x" }}</p>');
    expect(compiled.diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
    expect(compiled.diagnostics[0]?.message).toContain('defualt');
  });

  it('reports MJML problems with their line', async () => {
    const compiled = await compileTemplate(
      '<mjml>\n<mj-body>\n<mj-section><mj-column><mj-bogus>x</mj-bogus></mj-column></mj-section>\n</mj-body>\n</mjml>',
    );
    expect(compiled.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', source: 'mjml', line: 3 }));
  });

  it('renders plain HTML templates without MJML', async () => {
    const compiled = await compileTemplate('<h2>Hello {{FirstName}}, special deal just for you!</h2>');
    expect(renderForCustomer(compiled, customer()).html).toBe('<h2>Hello Ana, special deal just for you!</h2>');
  });

  it('makes every custom attribute a token under its snake_case key and PascalCase alias', async () => {
    const compiled = await compileTemplate('{{ loyalty_tier }}|{{ LoyaltyTier }}|{{ customer.city }}|{{ Missing | default: "none" }}');
    expect(renderForCustomer(compiled, customer()).html).toBe('Gold|Gold|Kraków|none');
  });
});

describe('runaway templates', () => {
  it('stop at the render limit with a readable problem instead of freezing the host', async () => {
    const compiled = await compileTemplate('{% for i in (1..100000000) %}{{ i }}{% endfor %}');
    const started = performance.now();
    const rendered = renderForCustomer(compiled, customer());
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(rendered.html).toBeNull();
    expect(rendered.problem).toMatch(/limit/i);
  });
});

describe('MJML structure', () => {
  const errorsOf = async (source: string) => (await compileTemplate(source)).diagnostics.filter((d) => d.severity === 'error');

  it('points at an element that is never closed, which MJML itself would silently accept', async () => {
    const errors = await errorsOf(
      '<mjml>\n<mj-body>\n<mj-section><mj-column>\n  <mj-text>Hi {{ FirstName }}\n</mj-column></mj-section>\n</mj-body>\n</mjml>',
    );
    const unclosed = errors.find((d) => d.message.includes('<mj-text> opened here is never closed'));
    expect(unclosed).toMatchObject({ source: 'mjml', line: 4, column: 3 });
  });

  it('reports a stray closing tag and an unfinished tag', async () => {
    const stray = await errorsOf('<mjml>\n<mj-body>\n</mj-column>\n</mj-body>\n</mjml>');
    expect(stray.find((d) => d.message.includes('</mj-column> closes nothing'))?.line).toBe(3);
    const cut = await errorsOf('<mjml><mj-body><mj-sectio');
    expect(cut.some((d) => d.message.includes('not finished'))).toBe(true);
  });

  it('accepts well-formed templates, self-closing tags, comments and Liquid in attributes', async () => {
    const source =
      '<mjml><mj-head><mj-attributes><mj-all padding="0" /></mj-attributes></mj-head><mj-body><!-- <mj-text> in a comment -->' +
      '<mj-section><mj-column><mj-image src="{{ img | default: \'a>b\' }}" /><mj-text>ok</mj-text></mj-column></mj-section></mj-body></mjml>';
    expect(await errorsOf(source)).toEqual([]);
  });
});

describe('Liquid in css-class, which MJML copies and suffixes with -outlook', () => {
  const SOURCE = `<mjml>
  <mj-body>
    <mj-section css-class="{% if city == 'Paris' %}paris{% endif %}">
      <mj-column css-class="{{ city | downcase }} wide">
        <mj-text css-class="{% if LoyaltyTier == 'Gold' %}vip{% endif %}">Hi {{ FirstName }}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section css-class="{{ country
      | downcase }}">
      <mj-column><mj-textt>typo</mj-textt></mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

  it('renders the class in the normal and the Outlook copy, for each customer', async () => {
    const compiled = await compileTemplate(SOURCE);
    // The only problem is the typo, still reported at its own line although a css-class above spans two lines.
    expect(compiled.diagnostics.map((d) => [d.severity, d.line])).toEqual([['error', 10]]);
    expect(compiled.html).toContain(`class="{% if city == 'Paris' %}paris{% endif %}"`);

    const fixed = await compileTemplate(SOURCE.replace(/textt/g, 'text'));
    expect(fixed.diagnostics).toEqual([]);
    const paris = renderForCustomer(fixed, customer({ city: 'Paris', country: 'FR' }));
    expect(paris.problem).toBeNull();
    const html = paris.html ?? '';
    expect(html).toContain('class="paris"');
    expect(html).toContain('class="paris-outlook"');
    expect(html).toContain('class="mj-column-per-100 mj-outlook-group-fix paris wide"');
    expect(html).toContain('class="paris-outlook wide-outlook"');
    expect(html).toContain('class="vip"');
    expect(html).toContain('class="fr"');
    expect(html).toContain('class="fr-outlook"');
    expect(html).not.toMatch(/\{\{|\{%|tailorcls/);

    const krakow = renderForCustomer(fixed, customer({ city: 'Kraków', country: 'PL', attributes: {} })).html ?? '';
    expect(krakow).not.toContain('paris');
    expect(krakow).toContain('class="kraków-outlook wide-outlook"');
    expect(krakow).not.toContain('class="vip"');
    expect(krakow).toContain('class="pl-outlook"');
  });
});

describe('MJML elements that would vanish', () => {
  it('makes an unknown mj- tag an error at its line and column, with a suggestion', async () => {
    const compiled = await compileTemplate(
      '<mjml>\n<mj-body>\n<mj-section><mj-column>\n  <mj-textt>Gone</mj-textt>\n</mj-column></mj-section>\n</mj-body>\n</mjml>',
    );
    expect(compiled.diagnostics).toEqual([expect.objectContaining({ severity: 'error', source: 'mjml', line: 4, column: 3 })]);
    expect(compiled.diagnostics[0]?.message).toContain('<mj-textt> is not an MJML element');
    expect(compiled.diagnostics[0]?.message).toContain('Did you mean <mj-text>?');
    const rendered = renderForCustomer(compiled, customer());
    expect(rendered.html).toBeNull();
    expect(rendered.problem).toMatch(/^Line 4, column 3: MJML: <mj-textt>/);
  });

  it('refuses mj-include, which would read a local file', async () => {
    const compiled = await compileTemplate(
      '<mjml>\n<mj-body>\n<mj-include path="package.json" />\n<mj-section><mj-column><mj-text>x</mj-text></mj-column></mj-section>\n</mj-body>\n</mjml>',
    );
    expect(compiled.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 3 })]);
    expect(compiled.html ?? '').not.toContain('"productName"');
  });

  it('shows the problem instead of unstyled text while a section is unclosed', async () => {
    const compiled = await compileTemplate(
      '<mjml>\n<mj-body>\n<mj-section>\n<mj-column><mj-text>Hi {{ FirstName }}</mj-text></mj-column>\n</mj-body>\n</mjml>',
    );
    const rendered = renderForCustomer(compiled, customer());
    expect(rendered.html).toBeNull();
    expect(rendered.problem).toMatch(/^Line 3, column 1: MJML: <mj-section> opened here is never closed/);
  });
});

describe('render errors point at the author’s line', () => {
  const mjml = (body: string) =>
    `<mjml>\n<mj-head><mj-title>{{ FirstName }}</mj-title></mj-head>\n<mj-body>\n<mj-section>\n<mj-column>\n<mj-text>Hi {{ FirstName }}</mj-text>\n${body}\n</mj-column>\n</mj-section>\n</mj-body>\n</mjml>`;

  it('a partial named by customer data', async () => {
    const compiled = await compileTemplate(mjml('<mj-text>\n    {% include {{ city }} %}</mj-text>'));
    expect(compiled.diagnostics).toEqual([]);
    const rendered = renderForCustomer(compiled, customer());
    expect(rendered.problem).toMatch(/^Line 8, column 5: Liquid: no partial named "Kraków"/);
    expect(rendered.diagnostic).toMatchObject({ severity: 'error', source: 'render', line: 8, column: 5 });
  });

  it('a runaway loop stopped by the render limits', async () => {
    const compiled = await compileTemplate(
      mjml('<mj-text>{{ FirstName }}</mj-text>\n<mj-text>\n  {% for i in (1..100000000) %}{{ i }}{% endfor %}</mj-text>'),
    );
    expect(renderForCustomer(compiled, customer()).problem).toMatch(/^Line 9, column 3: Liquid: .*limit/);
  });

  it('maps the n-th copy of a tag in the compiled HTML to the n-th in the source', () => {
    const liquid = createLiquid();
    const source = 'a {{ x | upcase }}\nb\nc {{ x | upcase }}';
    const compiled = `${'\n'.repeat(40)}<p>{{ x | upcase }}</p>${'\n'.repeat(40)}<p>{{ x | upcase }}</p>`;
    const locate = sourceLocator(liquid, source, compiled);
    const [first, second] = liquid
      .parse(compiled)
      .map((t) => t.token)
      .filter((token) => token.getText().startsWith('{{'));
    if (!first || !second) throw new Error('expected two outputs');
    expect(locate(first)).toEqual({ line: 1, column: 3 });
    expect(locate(second)).toEqual({ line: 3, column: 3 });
    expect(locate(liquid.parse('{{ y }}')[0]!.token)).toBeNull();
  });
});
