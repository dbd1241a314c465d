import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import { PREVIEW_BYTES } from '../../electron/workspace/import/preview';
import { headerSignature } from '../../electron/workspace/import-mappings-repo';
import { ContractError } from '../../shared/contract/envelope';
import { freshWorkspace, importThroughApp } from '../support/workspace-app';
import {
  PHONE_COUNTRIES,
  phoneCountryLabel,
  withColumn,
  withLocale,
  withPendingChoices,
} from '../../renderer/features/imports/wizard-options';

let dir: string;

async function workspace(): Promise<TailorApp> {
  const fresh = await freshWorkspace();
  dir = fresh.dir;
  return fresh.app;
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const importWith = importThroughApp;

/** A spreadsheet export from a French Excel: semicolons, decimal commas, Windows-1252. */
const FRENCH =
  'Courriel;Prénom;Nom;Ville;Montant;Code\r\nzoe@example.com;Zoé;Lefèvre;Orléans;1 234,50;007\r\nremi@example.com;Rémi;Faÿ;Besançon;12,00;008\r\n';

describe('imports.preview', () => {
  it('shows the first rows as parsed, with the detected encoding, delimiter, locale, targets and types', async () => {
    const app = await workspace();
    const file = write('clients.csv', iconv.encode(FRENCH, 'windows-1252'));
    const preview = await app.client.call('imports.preview', { path: file });
    expect(preview.entity).toBe('customers');
    expect(preview.encoding).toMatchObject({ encoding: 'windows-1252', provisional: false });
    expect(preview.delimiter).toBe(';');
    expect(preview.locale.decimalSeparator).toBe(',');
    expect(preview.rows[0]).toEqual(['zoe@example.com', 'Zoé', 'Lefèvre', 'Orléans', '1 234,50', '007']);
    const byHeader = Object.fromEntries(preview.columns.map((column) => [column.header, column]));
    expect(byHeader['Courriel']).toMatchObject({ target: 'canonical', key: 'email', type: 'email' });
    expect(byHeader['Prénom']).toMatchObject({ target: 'canonical', key: 'first_name' });
    expect(byHeader['Montant']).toMatchObject({ target: 'custom', key: 'montant', type: 'number' });
    expect(preview.problem).toBeNull();
    expect(preview.saved).toBeNull();
  });

  it('re-parses with the user’s encoding, delimiter and column choices', async () => {
    const app = await workspace();
    const file = write('clients.csv', iconv.encode(FRENCH, 'windows-1252'));
    const first = await app.client.call('imports.preview', { path: file });
    // Read as UTF-8 the accented letters are replacement characters; as comma-delimited there is one column.
    const utf8 = await app.client.call('imports.preview', { path: file, settings: { encoding: 'utf-8' } });
    expect(utf8.rows[0]?.[1]).toBe('Zo\uFFFD');
    const commas = await app.client.call('imports.preview', { path: file, settings: { delimiter: ',' } });
    expect(commas.columns).toHaveLength(1);
    expect(commas.problem).toMatch(/no email or id column/);

    const columns = (first.settings.columns ?? []).map((column) =>
      column.header === 'Code'
        ? { ...column, target: 'ignored' as const }
        : column.header === 'Montant'
          ? { ...column, type: 'money' as const }
          : column,
    );
    const chosen = await app.client.call('imports.preview', { path: file, settings: { ...first.settings, columns } });
    expect(chosen.columns.find((column) => column.header === 'Code')?.target).toBe('ignored');
    expect(chosen.columns.find((column) => column.header === 'Montant')).toMatchObject({ type: 'money', detectedType: 'number' });
  });

  it('a choice made before the previous preview returns builds on that choice, not on the older settings', async () => {
    const app = await workspace();
    const file = write('clients.csv', iconv.encode(FRENCH, 'windows-1252'));
    const shown = await app.client.call('imports.preview', { path: file });
    const code = shown.columns.findIndex((column) => column.header === 'Code');
    // First choice: ignore "Code"; its preview is still on its way when the user changes the decimal mark.
    const first = withColumn(shown, code, (column) => ({ ...column, target: 'ignored' }));
    const pending = withPendingChoices(shown, { entity: shown.entity, settings: first });
    const second = withLocale(pending, { decimalSeparator: '.' });
    expect(second.columns?.[code]?.target).toBe('ignored');
    expect(second.locale?.decimalSeparator).toBe('.');
    // Then a column type, still before any reply: both earlier choices hold.
    const third = withColumn(withPendingChoices(shown, { entity: shown.entity, settings: second }), 0, (column) => ({
      ...column,
      type: 'text',
    }));
    expect(third.columns?.[code]?.target).toBe('ignored');
    expect(third.locale?.decimalSeparator).toBe('.');
    expect(third.columns?.[0]?.type).toBe('text');
  });

  it('says what is wrong when the choices cannot import: two columns for one field, no email column', async () => {
    const app = await workspace();
    const file = write('clients.csv', iconv.encode(FRENCH, 'windows-1252'));
    const { settings } = await app.client.call('imports.preview', { path: file });
    const columns = settings.columns ?? [];
    const twice = columns.map((column) => (column.header === 'Nom' ? { ...column, key: 'first_name' } : column));
    expect((await app.client.call('imports.preview', { path: file, settings: { columns: twice } })).problem).toMatch(
      /"Prénom" and "Nom" both go to first_name/,
    );
    const noEmail = columns.map((column) => (column.header === 'Courriel' ? { ...column, target: 'ignored' as const } : column));
    expect((await app.client.call('imports.preview', { path: file, settings: { columns: noEmail } })).problem).toMatch(
      /no email or id column/,
    );
    const missing = app.client.call('imports.preview', { path: path.join(dir, 'missing.csv') });
    await expect(missing).rejects.toThrow(ContractError);
    await expect(missing).rejects.toThrow(/file not found/);
    await expect(app.client.call('imports.preview', { path: write('blank.csv', '\n\n') })).rejects.toThrow(/only blank lines/);
  });

  it('reads a bounded sample of a big file and says the encoding is provisional', async () => {
    const app = await workspace();
    const row = 'someone@example.com;Zoé;Lefèvre;Orléans;12,50;001\r\n';
    const big = 'email;first;last;city;amount;code\r\n' + row.repeat(Math.ceil((PREVIEW_BYTES * 3) / row.length));
    const file = write('big.csv', iconv.encode(big, 'windows-1252'));
    const preview = await app.client.call('imports.preview', { path: file, rows: 5 });
    expect(preview.sampledBytes).toBe(PREVIEW_BYTES);
    expect(preview.bytes).toBeGreaterThan(PREVIEW_BYTES * 2);
    expect(preview.encoding).toMatchObject({ encoding: 'windows-1252', provisional: true });
    expect(preview.rows).toHaveLength(5);
    expect(preview.sampleRows).toBeLessThan(PREVIEW_BYTES / row.length + 1);
  });
});

describe('imports.start with settings', () => {
  it('imports with the chosen encoding, delimiter, targets and types; ignored columns stay out', async () => {
    const app = await workspace();
    const file = write('clients.csv', iconv.encode(FRENCH, 'windows-1252'));
    const { settings } = await app.client.call('imports.preview', { path: file });
    const columns = (settings.columns ?? []).map((column) =>
      column.header === 'Code'
        ? { ...column, target: 'ignored' as const }
        : column.header === 'Ville'
          ? { ...column, target: 'custom' as const, key: 'ville_natale' }
          : column.header === 'Montant'
            ? { ...column, key: 'total_spent', type: 'money' as const }
            : column,
    );
    const report = await importWith(app, file, 'customers', { encoding: 'windows-1252', delimiter: ';', columns });
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 2, rowsRejected: 0 });
    expect(report.mapping.map((column) => [column.header, column.kind, column.key, column.type])).toEqual([
      ['Courriel', 'canonical', 'email', undefined],
      ['Prénom', 'canonical', 'first_name', undefined],
      ['Nom', 'canonical', 'last_name', undefined],
      ['Ville', 'custom', 'ville_natale', undefined],
      ['Montant', 'custom', 'total_spent', 'money'],
    ]);
    const zoe = await app.client.call('customers.get', { idOrEmail: 'zoe@example.com' });
    expect(zoe).toMatchObject({ first_name: 'Zoé', last_name: 'Lefèvre', city: null });
    expect(zoe?.attributes).toEqual({ ville_natale: 'Orléans', total_spent: '1 234,50' });
  });

  it('decodes the file with the chosen encoding where detection would pick another', async () => {
    const app = await workspace();
    // ISO-8859-15 puts € where Windows-1252 (what detection reads this as) has ¤.
    const file = write('c.csv', iconv.encode('email,prénom,devise\nann@example.com,Zoé,€\n', 'iso-8859-15'));
    await importWith(app, file, 'customers', { encoding: 'iso-8859-15' });
    const ann = await app.client.call('customers.get', { idOrEmail: 'ann@example.com' });
    expect(ann?.attributes['devise']).toBe('€');
    expect(ann?.first_name).toBe('Zoé');
  });

  it('reads the file with the chosen delimiter where detection would pick another', async () => {
    const app = await workspace();
    // The header has one comma and one pipe: detection takes the comma, and finds no email column.
    const file = write('c.csv', 'email|tags,labels\nann@example.com|vip,new\n');
    expect((await importWith(app, file, 'customers')).status).toBe('failed');
    const report = await importWith(app, file, 'customers', { delimiter: '|' });
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 1 });
    expect(report.mapping.map((column) => column.header)).toEqual(['email', 'tags,labels']);
  });

  it('applies the chosen locale to every column of the mapping', async () => {
    const app = await workspace();
    const file = write('c.csv', 'email,amount\na@example.com,"1,234"\n');
    const locale = { decimalSeparator: ',' as const, thousandsSeparator: '.' as const, dateOrder: 'day-first' as const };
    const report = await importWith(app, file, 'customers', { locale });
    expect(report.mapping.every((column) => column.locale?.decimalSeparator === ',')).toBe(true);
  });

  it('reads national phone numbers in the chosen phone country when the file names none', async () => {
    const app = await workspace();
    const file = write('c.csv', 'email,phone\nann@example.com,06 12 34 56 78\n');
    const preview = await app.client.call('imports.preview', { path: file });
    const settings = withLocale(preview, { defaultCountry: 'FR' });
    expect(settings.locale?.defaultCountry).toBe('FR');
    expect((await app.client.call('imports.preview', { path: file, settings })).locale.defaultCountry).toBe('FR');
    const report = await importWith(app, file, 'customers', settings);
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 1 });
    const ann = await app.client.call('customers.get', { idOrEmail: 'ann@example.com' });
    expect(ann?.typed?.['phone']).toBe('+33612345678');
  });

  it('the phone country choice: English names in order, and None takes the country out of the locale', async () => {
    expect(PHONE_COUNTRIES.find((country) => country.value === 'FR')?.label).toBe('France');
    const labels = PHONE_COUNTRIES.map((country) => country.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
    expect(phoneCountryLabel('DE')).toBe('Germany (DE)');
    const app = await workspace();
    const preview = await app.client.call('imports.preview', { path: write('c.csv', 'email,phone\nann@example.com,06 12 34 56 78\n') });
    const french = { ...preview, settings: withLocale(preview, { defaultCountry: 'FR', decimalSeparator: ',' }) };
    expect(french.settings.locale).toMatchObject({ defaultCountry: 'FR', decimalSeparator: ',', thousandsSeparator: '.' });
    const none = withLocale(french, { defaultCountry: null });
    expect(none.locale).toMatchObject({ decimalSeparator: ',' });
    expect(none.locale && 'defaultCountry' in none.locale).toBe(false);
  });

  it('a refusal after column choices lists the file’s own headers, not the fields they go to', async () => {
    const app = await workspace();
    const file = write('o.csv', 'Client,Date,Montant\nann@example.com,2026-01-05,12.50\n');
    const { settings } = await app.client.call('imports.preview', { path: file, entity: 'orders' });
    const columns = (settings.columns ?? []).map((column) =>
      column.header === 'Montant' ? { ...column, target: 'ignored' as const } : column,
    );
    const { problem } = await app.client.call('imports.preview', { path: file, entity: 'orders', settings: { ...settings, columns } });
    expect(problem).toMatch(/Columns found: Client, Date\./);
  });

  it('refuses a mapping for another header, naming the column that differs', async () => {
    const app = await workspace();
    const file = write('c.csv', 'email,first_name\na@example.com,Ann\n');
    const report = await importWith(app, file, 'customers', {
      columns: [
        { header: 'email', target: 'canonical', key: 'email' },
        { header: 'prenom', target: 'canonical', key: 'first_name' },
      ],
    });
    expect(report.status).toBe('failed');
    expect(report.message).toMatch(/column 2 is "first_name" in the file but "prenom" in the mapping/);
  });

  it('orders: a column moved to the amount by the user imports, and a short row is still rejected after an ignored column', async () => {
    const app = await workspace();
    const file = write('o.csv', 'ref;client;quand;somme;note\nA1;a@example.com;2026-03-01;12,50;x\nA2;a@example.com;2026-03-02;3\n');
    const auto = await app.client.call('imports.preview', { path: file, entity: 'orders' });
    expect(auto.problem).toMatch(/Cannot import o.csv as orders/);
    const keys: Record<string, string> = { ref: 'order_id', client: 'customer', quand: 'ordered_at', somme: 'total' };
    const columns = auto.columns.map(({ header }) =>
      keys[header] ? { header, target: 'canonical' as const, key: keys[header] } : { header, target: 'ignored' as const, key: header },
    );
    const fixed = await app.client.call('imports.preview', { path: file, entity: 'orders', settings: { columns } });
    expect(fixed.problem).toBeNull();
    const report = await importWith(app, file, 'orders', { columns });
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 1, rowsRejected: 1 });
    expect(report.rejections[0]?.reason).toMatch(/4 fields, but the header has 5/);
  });
});

describe('saved mappings', () => {
  it('a successful import saves its mapping under the header signature; the next file with that header gets it proposed', async () => {
    const app = await workspace();
    const file = write('clients.csv', iconv.encode(FRENCH, 'windows-1252'));
    const { settings } = await app.client.call('imports.preview', { path: file });
    const columns = (settings.columns ?? []).map((column) =>
      column.header === 'Code' ? { ...column, target: 'ignored' as const } : column,
    );
    await importWith(app, file, 'customers', { delimiter: ';', columns });

    // Same header, other rows, other case and spacing in the header: proposed, with the date it was saved.
    const again = write(
      'clients-2.csv',
      iconv.encode('COURRIEL; prénom ;Nom;Ville;Montant;Code\r\nx@example.com;Xé;Y;Z;1;2\r\n', 'windows-1252'),
    );
    const proposed = await app.client.call('imports.preview', { path: again });
    expect(proposed.saved).toMatchObject({ applied: true });
    expect(Date.parse(proposed.saved?.savedAt ?? '')).not.toBeNaN();
    expect(proposed.columns.find((column) => column.header === 'Code')?.target).toBe('ignored');
    // Still proposed when the user picked a delimiter or switched entity (no columns of their own yet); not once they map columns.
    expect(
      (await app.client.call('imports.preview', { path: again, entity: 'customers', settings: { delimiter: ';' } })).saved?.applied,
    ).toBe(true);
    const own = await app.client.call('imports.preview', { path: again, settings: { columns: proposed.settings.columns } });
    expect(own.saved).toMatchObject({ applied: false });
    // Another entity or another header: nothing proposed.
    expect((await app.client.call('imports.preview', { path: again, entity: 'orders' })).saved).toBeNull();
    expect((await app.client.call('imports.preview', { path: write('other.csv', 'email;name\na@b.co;A\n') })).saved).toBeNull();
  });

  it('a failed import saves nothing', async () => {
    const app = await workspace();
    const file = write('c.csv', 'who,what\nx,y\n');
    expect((await importWith(app, file, 'customers')).status).toBe('failed');
    expect((await app.client.call('imports.preview', { path: file })).saved).toBeNull();
  });

  it('the signature ignores case, accents and spacing but not column order or entity', () => {
    expect(headerSignature('customers', ['E-mail', 'Prénom'])).toBe(headerSignature('customers', ['email', ' prenom ']));
    expect(headerSignature('customers', ['email', 'prenom'])).not.toBe(headerSignature('customers', ['prenom', 'email']));
    expect(headerSignature('customers', ['email'])).not.toBe(headerSignature('orders', ['email']));
  });
});
