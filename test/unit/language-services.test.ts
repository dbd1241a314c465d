import type { editor, Position } from 'monaco-editor';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComputedTokenList } from '../../shared/contract/token-schemas';
import { toPascalAlias } from '../../shared/fields/naming';
import { SCORE_NAMES, SCORES } from '../../shared/scores/score-names';
import { provideLiquidCompletions } from '../../renderer/features/studio/liquid-completions';
import { analyzeTemplate, type LanguageDiagnostic } from '../../renderer/features/studio/language/analyze-template';
import { didYouMean } from '../../renderer/features/studio/language/did-you-mean';
import { formatTemplate } from '../../renderer/features/studio/language/format-template';
import { provideLiquidHover } from '../../renderer/features/studio/language/hover';
import { toMarkers } from '../../renderer/features/studio/language/markers';
import { fieldToken, quickFixes } from '../../renderer/features/studio/language/quick-fixes';
import { provideFilterSignature } from '../../renderer/features/studio/language/signature-help';
import { buildCatalog, type TokenCatalog } from '../../renderer/features/studio/language/token-catalog';
import { fieldInfo } from '../support/field-info';
import { loadMonaco } from './support/monaco-node';

type Api = Awaited<ReturnType<typeof loadMonaco>>;
let monaco: Api;

const field = fieldInfo;

const computed: ComputedTokenList = {
  scores: SCORE_NAMES.map((name) => ({
    name,
    alias: toPascalAlias(name),
    model: SCORES[name].model,
    holds: SCORES[name].holds,
    description: SCORES[name].description,
    asOf: SCORES[name].model === 'rfm' ? '2026-06-30' : null,
    shadowed: false,
    labels: name === 'rfm_tier' ? ['Champions', 'Loyal customers', 'At risk'] : [],
  })),
  segments: [
    { id: 1, name: 'VIP' },
    { id: 2, name: 'Lapsed customers' },
  ],
  segmentsShadowed: false,
};

const catalog: TokenCatalog = buildCatalog({
  fields: [
    field('id', 200),
    field('first_name', 192, { samples: ['Ana', 'Li'] }),
    field('city', 200, { samples: ['Paris'] }),
    field('loyalty_points', 150, { kind: 'custom', type: 'number', label: 'Loyalty Points', samples: ['120'] }),
  ],
  computed,
  dictionary: [{ name: 'greeting_name', field: 'first_name', fallback: 'friend', format: 'text', formatArg: null }],
});

function model(text: string): editor.ITextModel {
  return monaco.editor.createModel(text, 'html');
}

/** The position right after `marker`'s first occurrence (or at the end). */
function after(m: editor.ITextModel, marker?: string): Position {
  const text = m.getValue();
  const offset = marker === undefined ? text.length : text.indexOf(marker) + marker.length;
  return m.getPositionAt(offset);
}

const labelOf = (label: string | { label: string }) => (typeof label === 'string' ? label : label.label);

function analyse(m: editor.ITextModel): { diagnostics: LanguageDiagnostic[]; markers: editor.IMarkerData[] } {
  const diagnostics = analyzeTemplate(m.getValue(), catalog);
  return { diagnostics, markers: toMarkers(monaco, m, diagnostics) };
}

beforeAll(async () => {
  monaco = await loadMonaco();
}, 60_000);

describe('completion', () => {
  it('offers first_name after `{{ fi` with its type, fill rate and samples, written snake_case only', () => {
    const m = model('<p>Hello {{ fi');
    const { suggestions } = provideLiquidCompletions(monaco, m, after(m), catalog);
    const first = suggestions.find((s) => labelOf(s.label) === 'first_name');
    expect(first?.detail).toBe('text · 96% filled · e.g. Ana, Li');
    expect(first?.insertText).toBe('first_name }}');
    // The alias still matches what is typed, but is never a separate item to write.
    expect(first?.filterText).toContain('FirstName');
    expect(suggestions.map((s) => labelOf(s.label))).not.toContain('FirstName');
    expect(suggestions.map((s) => labelOf(s.label))).toContain('rfm_tier');
    expect(suggestions.find((s) => labelOf(s.label) === 'rfm_tier')?.detail).toContain('computed as of 2026-06-30');
  });

  it('offers filters with their signatures after a pipe, and nothing outside Liquid', () => {
    const m = model('<p>{{ first_name | ');
    const { suggestions } = provideLiquidCompletions(monaco, m, after(m), catalog);
    const fallback = suggestions.find((s) => labelOf(s.label) === 'default');
    expect(fallback?.detail).toBe('default: fallback');
    expect(suggestions.find((s) => labelOf(s.label) === 'truncate')?.detail).toBe('truncate: length, ellipsis');
    const plain = model('<p>Hello fi');
    expect(provideLiquidCompletions(monaco, plain, after(plain), catalog).suggestions).toEqual([]);
  });

  it('offers tag snippets at the start of a tag: segment and tier conditions, unless, case / when, for', () => {
    const m = model('{% ');
    const snippets = provideLiquidCompletions(monaco, m, after(m), catalog).suggestions.filter(
      (s) => s.kind === monaco.languages.CompletionItemKind.Snippet,
    );
    const bodies = snippets.map((s) => s.insertText);
    expect(bodies.some((b) => b.startsWith("{% if customer.segments contains '${1|VIP,Lapsed customers|}' %}"))).toBe(true);
    expect(bodies.some((b) => b.includes('{% elsif customer.segments contains') && b.includes('{% else %}'))).toBe(true);
    expect(bodies.some((b) => b.startsWith("{% if rfm_tier == '${1|Champions,Loyal customers,At risk|}' %}"))).toBe(true);
    expect(bodies.some((b) => b.startsWith('{% unless '))).toBe(true);
    expect(bodies.some((b) => b.startsWith('{% case rfm_tier %}') && b.includes("{% when 'Loyal customers' %}"))).toBe(true);
    expect(bodies.some((b) => b.startsWith('{% for ${1:item} in ${2|orders|}'))).toBe(true);
  });
});

describe('hover', () => {
  it("shows a token's fill rate and sample values, whichever spelling is used", () => {
    const m = model('<p>{{ first_name }} {{ FirstName }} {{ customer.city }}</p>');
    const hover = provideLiquidHover(m, after(m, '{{ fir'), catalog);
    expect(hover?.contents[0]?.value).toBe('**first_name — 96% filled; e.g. Ana, Li**');
    expect(provideLiquidHover(m, after(m, '{{ FirstN'), catalog)?.contents[0]?.value).toContain('first_name — 96% filled');
    expect(provideLiquidHover(m, after(m, 'customer.ci'), catalog)?.contents[0]?.value).toBe('**city — 100% filled; e.g. Paris**');
    expect(provideLiquidHover(m, after(m, '<p'), catalog)).toBeNull();
  });

  it('explains a filter', () => {
    const m = model('{{ first_name | truncate: 20 }}');
    expect(provideLiquidHover(m, after(m, '| trunc'), catalog)?.contents[0]?.value).toContain('truncate: length, ellipsis');
  });
});

describe('diagnostics', () => {
  it('marks a broken tag at its exact range on its line', () => {
    const m = model('<mjml>\n<mj-body>\n  <mj-text>{% if first_name %}Hi</mj-text>\n</mj-body>\n</mjml>');
    const { markers } = analyse(m);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({
      severity: monaco.MarkerSeverity.Error,
      startLineNumber: 3,
      startColumn: 12,
      endLineNumber: 3,
      endColumn: 12 + '{% if first_name %}'.length,
    });
    expect(markers[0]?.message).toContain('not closed');
  });

  it('marks an unknown filter on its name', () => {
    const m = model('line one\n{{ first_name | defualt: "x" }}');
    const [marker] = analyse(m).markers;
    expect(marker).toMatchObject({ startLineNumber: 2, startColumn: 17, endColumn: 24 });
  });

  it('flags unknown tokens with "did you mean", also after customer.', () => {
    const m = model('{{ fist_name | default: "x" }} {{ customer.ctiy }} {{ orderz_total }}');
    const { diagnostics, markers } = analyse(m);
    expect(diagnostics.map((d) => [d.code, m.getValue().slice(d.start, d.end), d.replacement])).toEqual([
      ['unknown-token', 'fist_name', 'first_name'],
      ['unknown-token', 'ctiy', 'city'],
      ['unknown-token', 'orderz_total', undefined],
    ]);
    expect(markers[0]?.message).toContain('Did you mean "first_name"?');
  });

  it('accepts the PascalCase alias, loop variables, assigns, scores and the dictionary', () => {
    const m = model(
      '{{ FirstName | default: "x" }}{% assign n = 1 %}{{ n }}{% for o in loyalty_points %}{{ o }}{{ forloop.index }}{% endfor %}{{ rfm_tier }}{{ greeting_name }}{{ customer.segments | join: "," }}',
    );
    expect(analyse(m).diagnostics).toEqual([]);
  });

  it('warns about a token without fallback only when its fill rate is under 100% and nothing guards it', () => {
    const m = model(
      '{{ first_name }} {{ city }} {{ first_name | default: "there" }} {% if first_name %}{{ first_name }}{% endif %} {{ FirstName | upcase }}',
    );
    const { diagnostics } = analyse(m);
    expect(diagnostics.map((d) => [d.code, d.start, m.getValue().slice(d.start, d.end)])).toEqual([
      ['missing-fallback', 3, 'first_name'],
      ['missing-fallback', m.getValue().indexOf('FirstName'), 'FirstName'],
    ]);
    expect(diagnostics[0]?.message).toContain('96% filled');
  });

  it('flags conditions on a segment or tier that does not exist', () => {
    const m = model(
      "{% if customer.segments contains 'VIPs' %}a{% elsif rfm_tier == 'Loyal customer' %}b{% endif %}{% if rfm_tier == 'Champions' %}{% endif %}",
    );
    const { diagnostics } = analyse(m);
    expect(diagnostics.map((d) => [d.code, m.getValue().slice(d.start, d.end), d.replacement])).toEqual([
      ['unknown-segment', "'VIPs'", "'VIP'"],
      ['unknown-label', "'Loyal customer'", "'Loyal customers'"],
    ]);
  });
});

describe('quick fixes', () => {
  it('add a fallback after the token, and replace an unknown name with the suggestion', () => {
    const m = model('<p>Hi {{ first_name | upcase }}, from {{ ctiy | default: "here" }}</p>');
    const { diagnostics } = analyse(m);
    const [fallback] = quickFixes(diagnostics, 9, 9);
    expect(fallback?.title).toBe('Add a fallback: | default: "there"');
    const apply = (fix: NonNullable<typeof fallback>) => {
      const from = m.getPositionAt(fix.edit.start);
      const to = m.getPositionAt(fix.edit.end);
      m.applyEdits([{ range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), text: fix.edit.text }]);
    };
    apply(fallback!);
    expect(m.getValue()).toBe('<p>Hi {{ first_name | default: "there" | upcase }}, from {{ ctiy | default: "here" }}</p>');
    const after = analyse(m).diagnostics;
    const at = m.getValue().indexOf('ctiy');
    const [replace] = quickFixes(after, at, at);
    expect(replace?.title).toBe('Replace with city');
    apply(replace!);
    expect(m.getValue()).toBe('<p>Hi {{ first_name | default: "there" | upcase }}, from {{ city | default: "here" }}</p>');
    expect(analyse(m).diagnostics).toEqual([]);
  });

  it('Insert field writes the canonical name with the fallback chosen', () => {
    expect(fieldToken('first_name', 'there')).toBe('{{ first_name | default: "there" }}');
    expect(fieldToken('first_name', '')).toBe('{{ first_name }}');
    expect(fieldToken('nickname', 'Say "hi"')).toBe(`{{ nickname | default: 'Say "hi"' }}`);
  });
});

describe('signature help', () => {
  it("shows the filter's parameters and which one is being typed", () => {
    const m = model('{{ first_name | truncate: 20, ');
    const help = provideFilterSignature(m, after(m));
    expect(help?.value.signatures[0]?.label).toBe('truncate: length, ellipsis');
    expect(help?.value.activeParameter).toBe(1);
  });
});

describe('did you mean', () => {
  it('suggests only close names, ignoring case and underscores', () => {
    expect(didYouMean('frist_name', ['first_name', 'last_name'])).toBe('first_name');
    expect(didYouMean('firstname', ['first_name'])).toBe('first_name');
    expect(didYouMean('zip', ['first_name', 'city'])).toBeNull();
  });
});

describe('format document', () => {
  it('indents MJML structure and leaves the copy inside text components exactly as written', async () => {
    const source =
      '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ first_name }}{% if vip %}!{% endif %} and <a href="x">link</a>.</mj-text>\n{% if rfm_tier == \'Champions\' %}<mj-button href="https://x.test">Go</mj-button>{% endif %}</mj-column></mj-section></mj-body></mjml>';
    const formatted = await formatTemplate(source);
    expect(formatted).toBe(
      [
        '<mjml>',
        '  <mj-body>',
        '    <mj-section>',
        '      <mj-column>',
        '        <mj-text>Hi {{ first_name }}{% if vip %}!{% endif %} and <a href="x">link</a>.</mj-text>',
        '        {% if rfm_tier == "Champions" %}',
        '          <mj-button href="https://x.test">Go</mj-button>',
        '        {% endif %}',
        '      </mj-column>',
        '    </mj-section>',
        '  </mj-body>',
        '</mjml>',
        '',
      ].join('\n'),
    );
  });

  it('refuses a template whose Liquid does not parse', async () => {
    await expect(formatTemplate('<mjml><mj-body>{% if x %}</mj-body></mjml>')).rejects.toThrow(/Fix the template first.*not closed/);
  });
});
