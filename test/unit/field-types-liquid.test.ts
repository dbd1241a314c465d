import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT, parseValue, type FieldType, type ParseContext } from '../../shared/fields/types';
import { createLiquid } from '../../shared/templates/liquid-engine';
import { liquidValue } from '../../shared/templates/typed-value';

const GERMAN: ParseContext = { ...DEFAULT_CONTEXT, decimalSeparator: ',', thousandsSeparator: '.', dateOrder: 'day-first' };
const liquid = createLiquid();

/** Parse a cell as `type`, hand it to Liquid as `name`, render `template`. */
function render(template: string, fields: Record<string, readonly [FieldType, string]>, ctx: ParseContext = DEFAULT_CONTEXT): string {
  const context: Record<string, unknown> = {};
  for (const [name, [type, raw]] of Object.entries(fields)) {
    const result = parseValue(type, raw, ctx);
    if (!result.ok) throw new Error(`${raw}: ${result.reason}`);
    context[name] = liquidValue(type, result.value);
  }
  return liquid.parseAndRenderSync(template, context) as string;
}

const IF_SPENT = '{% if total_spent > 100 %}big{% else %}small{% endif %}';
const IF_VIP = '{% if vip %}vip{% else %}regular{% endif %}';

describe('typed values in Liquid', () => {
  it('text compares as text: the bug the issue reports', () => {
    expect(liquid.parseAndRenderSync(IF_SPENT, { total_spent: '1,234.00' })).toBe('small');
    expect(liquid.parseAndRenderSync(IF_VIP, { vip: 'false' })).toBe('vip');
  });

  it.each([
    ['money', '1,234.00', DEFAULT_CONTEXT, 'big'],
    ['money', '1.234,00', GERMAN, 'big'],
    ['money', '€1.234,00', GERMAN, 'big'],
    ['number', '150,50', DEFAULT_CONTEXT, 'big'],
    ['number', '99,99', GERMAN, 'small'],
    ['number', '1234', DEFAULT_CONTEXT, 'big'],
  ] as const)('{%% if total_spent > 100 %%} with %s %s → %s', (type, raw, ctx, expected) => {
    expect(render(IF_SPENT, { total_spent: [type, raw] }, ctx)).toBe(expected);
  });

  it('two typed amounts compare as numbers, not as text ("1234" < "150.5" as text)', () => {
    const fields = { total_spent: ['money', '1,234.00'], last_order: ['money', '150,50'] } as const;
    expect(render('{% if total_spent > last_order %}more{% else %}less{% endif %}', fields)).toBe('more');
    expect(liquid.parseAndRenderSync('{% if a > b %}more{% else %}less{% endif %}', { a: '1234', b: '150.5' })).toBe('less');
  });

  it.each([
    ['false', 'regular'],
    ['0', 'regular'],
    ['no', 'regular'],
    ['nein', 'regular'],
    ['non', 'regular'],
    ['true', 'vip'],
    ['oui', 'vip'],
  ])('{%% if vip %%} with %s → %s', (raw, expected) => {
    expect(render(IF_VIP, { vip: ['boolean', raw] })).toBe(expected);
  });

  it('dates work with the date filter, as written', () => {
    expect(render('{{ birth_date | date: "%B %d, %Y" }}', { birth_date: ['date', '05/03/1990'] }, GERMAN)).toBe('March 05, 1990');
    expect(render('{{ birth_date | date: "%Y-%m-%d" }}', { birth_date: ['date', '32937'] })).toBe('1990-03-05');
    expect(render('{{ seen | date: "%H:%M" }}', { seen: ['date-time', '2024-03-05T14:30:00+01:00'] })).toBe('14:30');
    expect(render('{{ birthday }}', { birthday: ['date', '5 March'] })).toBe('--03-05');
  });

  it('lists, countries, phones and missing values', () => {
    expect(render('{% if tags contains "vip" %}yes{% endif %} {{ tags | size }}', { tags: ['list', 'vip; newsletter'] })).toBe('yes 2');
    expect(render('{% if country == "DE" %}de{% endif %}', { country: ['country', 'Deutschland'] })).toBe('de');
    expect(render('{{ phone }}', { phone: ['phone', '+49 151 23456789'] })).toBe('+4915123456789');
    expect(liquid.parseAndRenderSync('{{ total | default: "none" }}', { total: liquidValue('number', null) })).toBe('none');
  });
});
