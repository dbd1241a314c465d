import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_SYNONYMS, ORDER_SYNONYMS, guessImportEntity, mapActivityHeaders } from '../../shared/imports/activity-headers';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { importCustomers, importFile } from '../../electron/workspace/import';

/**
 * Orders and events exported by European shops and spreadsheets: their header rows are in the shop's language,
 * and a Windows spreadsheet ends every line with CRLF. A customers file in German maps by itself; its orders and
 * events must too (on the command line there is no wizard to map them by hand).
 */

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-activity-lang-'));
  db = openDatabase(path.join(dir, 'workspace.tailor'), { create: true });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A Windows spreadsheet's CSV: Windows-1252 bytes, CRLF line ends. */
function writeExcelCsv(name: string, lines: readonly string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1252'));
  return file;
}

const canonical = (headers: readonly string[], synonyms: Parameters<typeof mapActivityHeaders>[1]) =>
  Object.fromEntries(
    mapActivityHeaders(headers, synonyms)
      .filter((column) => column.kind === 'canonical')
      .map((column) => [column.header, column.key]),
  );

describe('order and event headers in French, German, Spanish, Italian, Portuguese and Dutch', () => {
  it.each([
    ['French', ['N° commande', 'Code client', 'Courriel client', 'Date de commande', 'Montant', 'Devise', 'Catégorie', 'Statut']],
    ['German', ['Bestellnummer', 'Kundennummer', 'E-Mail', 'Bestelldatum', 'Betrag', 'Währung', 'Kategorie', 'Status']],
    ['Spanish', ['Número de pedido', 'ID cliente', 'Correo electrónico', 'Fecha', 'Importe', 'Moneda', 'Categoría', 'Estado']],
    ['Italian', ['Numero ordine', 'Codice cliente', 'Email', 'Data ordine', 'Importo', 'Valuta', 'Categoria', 'Stato']],
    ['Portuguese', ['Número do pedido', 'ID cliente', 'E-mail', 'Data do pedido', 'Valor', 'Moeda', 'Categoria', 'Situação']],
    ['Dutch', ['Bestelnummer', 'Klantnummer', 'E-mailadres', 'Besteldatum', 'Bedrag', 'Valuta', 'Categorie', 'Status']],
  ])('%s orders map and are recognised as orders', (_language, headers) => {
    const mapped = canonical(headers, ORDER_SYNONYMS);
    expect(Object.values(mapped)).toEqual(expect.arrayContaining(['order_id', 'ordered_at', 'total', 'currency', 'category', 'status']));
    expect(Object.values(mapped).some((key) => key === 'customer_id' || key === 'customer_email')).toBe(true);
    expect(guessImportEntity(headers)).toBe('orders');
  });

  it.each([
    ['French', ['Client', 'Type', 'Horodatage', 'Produit', 'Catégorie', 'Valeur']],
    ['German', ['Kundennummer', 'Ereignis', 'Zeitpunkt', 'Produkt', 'Kategorie', 'Wert']],
    ['Spanish', ['Cliente', 'Tipo de evento', 'Fecha y hora', 'Producto', 'Categoría', 'Valor']],
    ['Italian', ['Cliente', 'Tipo evento', 'Data e ora', 'Prodotto', 'Categoria', 'Valore']],
    ['Portuguese', ['Cliente', 'Tipo de evento', 'Data e hora', 'Produto', 'Categoria', 'Valor']],
    ['Dutch', ['Klant', 'Gebeurtenis', 'Tijdstip', 'Product', 'Categorie', 'Waarde']],
  ])('%s events map and are recognised as events', (_language, headers) => {
    expect(Object.values(canonical(headers, EVENT_SYNONYMS)).sort()).toEqual(
      ['category', 'occurred_at', 'product', 'type', 'value', headers[0] === 'Kundennummer' ? 'customer_id' : 'customer'].sort(),
    );
    expect(guessImportEntity(headers)).toBe('events');
  });

  it('imports a German shop’s orders and events (Windows-1252, semicolons, decimal commas, CRLF) without a mapping', async () => {
    await importCustomers(db, writeExcelCsv('kunden.csv', ['Kundennummer;E-Mail;Vorname', 'K1;jurgen@example.de;Jürgen']));
    const orders = await importFile(
      db,
      'orders',
      writeExcelCsv('bestellungen.csv', [
        'Bestellnummer;Kundennummer;Datum;Betrag;Währung;Kategorie;Zahlungsart',
        'B1;K1;05.03.2026;1.234,56;EUR;Schuhe;Karte',
        'B2;K9;06.03.2026;99,90;EUR;Taschen;Rechnung',
      ]),
    );
    expect(orders).toMatchObject({ status: 'succeeded', rowsImported: 2, rowsRejected: 0, rowsUnlinked: 1 });
    // The header as written: no BOM, no carriage return left from the CRLF line end.
    expect(orders.mapping.map((column) => column.header)).toEqual([
      'Bestellnummer',
      'Kundennummer',
      'Datum',
      'Betrag',
      'Währung',
      'Kategorie',
      'Zahlungsart',
    ]);
    expect(db.prepare('SELECT id, customer_id, ordered_at, total, currency, category FROM orders ORDER BY id').all()).toEqual([
      { id: 'B1', customer_id: 'K1', ordered_at: '2026-03-05', total: 1234.56, currency: 'EUR', category: 'Schuhe' },
      { id: 'B2', customer_id: null, ordered_at: '2026-03-06', total: 99.9, currency: 'EUR', category: 'Taschen' },
    ]);

    const events = await importFile(
      db,
      'events',
      writeExcelCsv('ereignisse.csv', [
        'Kundennummer;Ereignis;Zeitpunkt;Produkt;Kategorie;Wert',
        'K1;product_view;05.03.2026 10:15;Stiefel;Schuhe;89,90',
      ]),
    );
    expect(events).toMatchObject({ status: 'succeeded', rowsImported: 1, rowsRejected: 0, rowsUnlinked: 0 });
    expect(events.mapping.at(-1)?.header).toBe('Wert');
    expect(db.prepare('SELECT customer_id, type, occurred_at, category FROM events').get()).toEqual({
      customer_id: 'K1',
      type: 'product_view',
      occurred_at: '2026-03-05T10:15:00',
      category: 'Schuhe',
    });
  });

  it('keeps a header’s text as written when a file starts with a byte-order mark', async () => {
    const file = path.join(dir, 'orders.csv');
    fs.writeFileSync(file, '\uFEFForder_id,email,date,amount\r\nO1,ann@example.com,2026-01-05,10\r\n');
    const report = await importFile(db, 'orders', file);
    expect(report.mapping.map((column) => column.header)).toEqual(['order_id', 'email', 'date', 'amount']);
  });
});
