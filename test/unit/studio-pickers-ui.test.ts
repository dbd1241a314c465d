import { describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/contract/schemas';
import { templateFormat, strayMjmlTag } from '../../shared/templates/template-format';
import type { Command } from '../../renderer/app/commands/registry';
import { groupCommands } from '../../renderer/app/palette/group-commands';
import { opensPalette } from '../../renderer/app/palette/palette-keys';
import { parseQuery } from '../../electron/workspace/personas/customer-search';
import { customerSummary, personaLabel } from '../../renderer/features/personas/persona-label';
import { defaultPreviewChoice } from '../../renderer/features/personas/preview-choice';

const ana: Customer = {
  id: 'C10023',
  email: 'ana@example.com',
  first_name: 'Ana',
  last_name: 'Silva',
  phone: null,
  birth_date: null,
  gender: null,
  city: 'Porto',
  country: 'PT',
  attributes: { loyalty_tier: 'Gold' },
};

describe('persona labels say who the persona is', () => {
  it('uses the name, plus the field the search found them by', () => {
    expect(personaLabel(ana)).toBe('Ana Silva');
    expect(personaLabel(ana, { field: 'loyalty_tier', value: 'Gold' })).toBe('Ana Silva · Gold');
    expect(personaLabel(ana, { field: 'email', value: 'ana@example.com' })).toBe('Ana Silva');
    expect(personaLabel({ ...ana, first_name: null, last_name: null })).toBe('ana@example.com');
    expect(personaLabel(ana, { field: 'note', value: 'x'.repeat(200) }).length).toBe(80);
  });

  it('summarises a customer without repeating a value', () => {
    expect(customerSummary(ana)).toBe('Ana Silva · ana@example.com · C10023');
    expect(customerSummary({ ...ana, first_name: null, last_name: null, email: null })).toBe('C10023');
  });
});

describe('adding a persona from the customer dialog', () => {
  it('adds while the row has room and offers to replace the last one once three previews fill it', () => {
    expect(defaultPreviewChoice(0)).toBe('add');
    expect(defaultPreviewChoice(2)).toBe('add');
    expect(defaultPreviewChoice(3)).toBe(2);
    expect(defaultPreviewChoice(5)).toBe(4);
  });
});

describe('customer search queries', () => {
  const known = (key: string) => ['city', 'loyalty_tier'].includes(key);
  it('reads field:value only for a known field', () => {
    expect(parseQuery('city: Lyon', known)).toEqual({ field: 'city', term: 'Lyon' });
    expect(parseQuery('Loyalty_Tier:gold', known)).toEqual({ field: 'loyalty_tier', term: 'gold' });
    expect(parseQuery('mailto:ana@example.com', known)).toEqual({ field: null, term: 'mailto:ana@example.com' });
    expect(parseQuery('city:', known)).toEqual({ field: null, term: 'city:' });
  });
});

describe('template format', () => {
  it('is MJML with an <mjml> root and HTML otherwise; mj- tags in HTML are found at their line', () => {
    expect(templateFormat('<mjml>\n<mj-body></mj-body></mjml>')).toBe('mjml');
    expect(templateFormat('<!doctype html><html><body>Hi</body></html>')).toBe('html');
    expect(strayMjmlTag('<html>\n<body>\n<mj-text>hi</mj-text>')).toEqual({ tag: 'mj-text', line: 3 });
    expect(strayMjmlTag('<html><body>mj-text is a word here</body></html>')).toBeNull();
  });
});

describe('command palette', () => {
  const command = (id: string, group: string, title: string): Command => ({ id, group, title, run: () => undefined });
  it('groups commands in the order groups and commands were registered', () => {
    const groups = groupCommands([
      command('go.studio', 'Go to', 'Go to Studio'),
      command('studio.save', 'Studio', 'Save'),
      command('go.audit', 'Go to', 'Go to Audit'),
    ]);
    expect(groups.map(([group, list]) => [group, list.map((c) => c.id)])).toEqual([
      ['Go to', ['go.studio', 'go.audit']],
      ['Studio', ['studio.save']],
    ]);
  });

  it("lists the editor's actions after the app's commands, whenever the editor registered them", () => {
    const groups = groupCommands([
      command('editor:editor.action.commentLine', 'Editor', 'Toggle Line Comment'),
      command('go.studio', 'Go to', 'Go to Studio'),
      command('studio.save', 'Studio', 'Save'),
    ]);
    expect(groups.map(([group]) => group)).toEqual(['Go to', 'Studio', 'Editor']);
  });

  it('opens on F1 and Ctrl/Cmd+Shift+P anywhere, on Ctrl/Cmd+K outside the editor only (Monaco chords start with it)', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...mods,
    });
    for (const inEditor of [false, true]) {
      expect(opensPalette(key('F1'), inEditor)).toBe(true);
      expect(opensPalette(key('P', { ctrlKey: true, shiftKey: true }), inEditor)).toBe(true);
      expect(opensPalette(key('p', { metaKey: true, shiftKey: true }), inEditor)).toBe(true);
      expect(opensPalette(key('k'), inEditor)).toBe(false);
      expect(opensPalette(key('k', { ctrlKey: true, shiftKey: true }), inEditor)).toBe(false);
      expect(opensPalette(key('F1', { ctrlKey: true }), inEditor)).toBe(false);
      expect(opensPalette(key('p', { ctrlKey: true }), inEditor)).toBe(false);
    }
    expect(opensPalette(key('k', { ctrlKey: true }), false)).toBe(true);
    expect(opensPalette(key('K', { metaKey: true }), false)).toBe(true);
    expect(opensPalette(key('k', { ctrlKey: true }), true)).toBe(false);
    expect(opensPalette(key('k', { metaKey: true }), true)).toBe(false);
  });
});
