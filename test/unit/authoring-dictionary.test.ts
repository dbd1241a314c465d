import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TokenDictionaryEntry } from '../../shared/contract/token-schemas';
import { dictionaryExpression, expandDictionaryTokens } from '../../shared/templates/token-dictionary';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';

const entry = (e: Partial<TokenDictionaryEntry> & Pick<TokenDictionaryEntry, 'name' | 'field'>): TokenDictionaryEntry => ({
  fallback: null,
  format: 'text',
  formatArg: null,
  ...e,
});

const DICTIONARY = [
  entry({ name: 'greeting_name', field: 'first_name', fallback: 'there' }),
  entry({ name: 'member_since', field: 'signup_date', fallback: 'recently', format: 'date', formatArg: '%B %Y' }),
  entry({ name: 'ltv', field: 'lifetime_value', format: 'money', formatArg: 'EUR' }),
];

async function workspace() {
  const { app, dir } = await freshWorkspace();
  const file = path.join(dir, 'customers.csv');
  fs.writeFileSync(
    file,
    'id,email,first_name,signup_date,lifetime_value\nC1,ada@example.com,Ada,2024-03-05,1234.5\nC2,bob@example.com,,,\n',
  );
  await importThroughApp(app, file, 'customers');
  for (const id of ['C1', 'C2']) await app.client.call('personas.save', { label: id, source: { kind: 'customer', customerId: id } });
  return { app, dir };
}

describe('the token dictionary', () => {
  it('is stored per workspace in order, replaces the placeholder tokens.dictionary, and refuses what would not be Liquid', async () => {
    const { app, dir } = await workspace();
    expect(await app.client.call('tokens.dictionary', {})).toEqual([]);
    await app.client.call('tokens.saveDictionary', { entries: DICTIONARY });
    await app.client.call('workspace.open', { path: path.join(dir, 'w.tailor') });
    expect(await app.client.call('tokens.dictionary', {})).toEqual(DICTIONARY);
    await expect(
      app.client.call('tokens.saveDictionary', { entries: [entry({ name: 'x', field: "first_name }}{% include 'a' %}" })] }),
    ).rejects.toThrow('is not a field name');
    await expect(app.client.call('tokens.saveDictionary', { entries: [DICTIONARY[0]!, DICTIONARY[0]!] })).rejects.toThrow('listed twice');
    expect(await app.client.call('tokens.dictionary', {})).toEqual(DICTIONARY);
  });

  it('renders tokens with their format and fallback, in previews and in the token list', async () => {
    const { app } = await workspace();
    await app.client.call('tokens.saveDictionary', { entries: DICTIONARY });
    const source = '{{ greeting_name }}|{{ member_since }}|{{ ltv | default: "no spend" }}|{{ MemberSince | upcase }}';
    const result = await app.client.call('preview.render', { source });
    expect(result.previews.map((p) => p.html)).toEqual(['Ada|March 2024|€1,234.50|MARCH 2024', 'there|recently|no spend|RECENTLY']);
    expect(result.previews[0]?.tokens).toContainEqual({ name: 'member_since', value: 'March 2024', missing: false });
  });

  it('is written out as fields in the exported Liquid; persona files are rendered with it', async () => {
    const { app, dir } = await workspace();
    await app.client.call('tokens.saveDictionary', { entries: DICTIONARY });
    const template = await app.client.call('templates.create', {
      name: 'Dict',
      source: '<p>Hi {{ greeting_name }}, since {{ member_since }}</p>',
    });
    const result = await app.client.call('export.run', { template: { id: template.id }, dir: path.join(dir, 'out') });
    const html = fs.readFileSync(result.files.find((f) => f.kind === 'compiled')!.path, 'utf8');
    expect(html).toContain("Hi {{ first_name | default: 'there' }}, since {{ signup_date | date: '%B %Y' | default: 'recently' }}");
    const personas = result.files.filter((f) => f.kind === 'persona').map((f) => fs.readFileSync(f.path, 'utf8'));
    expect(personas[0]).toContain('Hi Ada, since March 2024');
    expect(personas[1]).toContain('Hi there, since recently');
  });
});

describe('dictionary expressions', () => {
  it('quote with the quote the text lacks, and keep filters written after the token', () => {
    expect(dictionaryExpression(entry({ name: 'n', field: 'f', fallback: "it's you" }))).toBe(`f | default: "it's you"`);
    expect(expandDictionaryTokens('{{ n | upcase }} {{ other }} {{customer.n}}', [entry({ name: 'n', field: 'f', fallback: 'x' })])).toBe(
      "{{ f | default: 'x' | upcase }} {{ other }} {{f | default: 'x'}}",
    );
  });
});
