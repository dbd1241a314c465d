import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/workspace/import';
import type { ImportSettings } from '../../shared/contract/schemas';
import { freshWorkspace } from '../support/workspace-app';

/** Validation reads a file's values as its import does: the file's locale, and each row's country for its phone. */

async function setup() {
  const { app, dir } = await freshWorkspace();
  const db = app.session.require().db;
  const load = (name: string, content: string, settings?: ImportSettings) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return importFile(db, 'customers', file, { settings });
  };
  return { app, load };
}

const rulesHit = (report: { ruleCounts?: { rule: string }[] }): string[] => (report.ruleCounts ?? []).map((count) => count.rule);

describe('validation with the file’s locale', () => {
  it('reads national phone numbers with the row’s country: a French file with a country column gets no phone flags', async () => {
    const { load } = await setup();
    const report = await load(
      'clients.csv',
      [
        'Courriel;Prénom;Téléphone;Pays;Date de naissance;Montant',
        'zoe@example.fr;Zoé;06 12 34 56 78;France;13/03/1990;1 234,50',
        'remi@example.fr;Rémi;01 42 68 53 00;France;02/05/1985;12,00',
        'hans@example.de;Hans;0151 23456789;Allemagne;01/02/1970;3,50',
      ].join('\r\n'),
    );
    expect(report).toMatchObject({ status: 'succeeded', rowsImported: 3, rowsRejected: 0 });
    expect(rulesHit(report)).not.toContain('phone_validity');
    expect(report.rowsFlagged).toBe(0);
  });

  it('uses the locale chosen in the wizard or a mapping file when the data does not say', async () => {
    const { load } = await setup();
    const content = 'email,phone\nann@example.com,06 12 34 56 78\n';
    const detected = await load('a.csv', content);
    expect(rulesHit(detected)).toContain('phone_validity');
    const locale = {
      decimalSeparator: ',' as const,
      thousandsSeparator: '.' as const,
      dateOrder: 'day-first' as const,
      defaultCountry: 'FR',
    };
    const chosen = await load('b.csv', content, { locale });
    expect(rulesHit(chosen)).not.toContain('phone_validity');
  });
});
