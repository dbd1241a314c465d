import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/workspace/db';
import { importCustomers } from '../../electron/workspace/import';
import { tempDir } from '../support/temp';

/**
 * One fixture per documented export format, imported into a real temporary
 * workspace: first name, last name, email, city, country, phone and birth date
 * must land in the right fields. Values stay text here (typing is a later
 * step). Where each header row comes from: test/fixtures/csv/exports/SOURCE.md.
 */

const EXPORTS = fileURLToPath(new URL('../fixtures/csv/exports/', import.meta.url));

interface Person {
  first_name: string | null;
  last_name: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  birth_date: string | null;
  attributes?: Record<string, string>;
}

interface Expected {
  file: string;
  /** Skipped footer lines, for CRM reports. */
  skipped?: number;
  customers: Record<string, Person>;
}

const person = (
  first_name: string | null,
  last_name: string | null,
  city: string | null,
  country: string | null,
  phone: string | null,
  birth_date: string | null,
  attributes?: Record<string, string>,
): Person => ({ first_name, last_name, city, country, phone, birth_date, ...(attributes ? { attributes } : {}) });

const FORMATS: Expected[] = [
  {
    file: 'shopify-customers.csv',
    customers: {
      // "Phone" outranks "Default Address Phone"; both keep their apostrophe-free text.
      'russel.winfield@example.com': person('Russell', 'Winfield', 'Toronto', 'CA', '+16135550142', null, {
        default_address_phone: '+16135550111',
      }),
      // No "Phone": the default address phone fills in.
      'karine.ruby@example.com': person('Karine', 'Ruby', 'Paris', 'FR', '+33142000000', null, { total_spent: '1,234.50' }),
      'ayumi.hirano@example.com': person('Ayumi', 'Hirano', 'Tokyo', 'JP', null, null),
    },
  },
  {
    file: 'mailchimp-subscribed.csv',
    customers: {
      // Mailchimp exports the address as one column: no city to map, the address is kept whole.
      'ann.lee@example.com': person('Ann', 'Lee', null, 'US', '+1 217 555 0100', '03/14', {
        address: '12 Main St  Springfield  IL  62701  US',
        member_rating: '4',
      }),
      'pierre.martin@example.fr': person('Pierre', 'Martin', null, 'FR', '06 12 34 56 78', '11/02'),
    },
  },
  {
    file: 'klaviyo-profiles.csv',
    customers: {
      'sara.jones@example.com': person('Sara', 'Jones', 'London', 'United Kingdom', '+447700900123', '1988-07-21', {
        klaviyo_id: '01HABCDEF0123456789ABCDEFG',
      }),
      'lukas.weber@example.de': person('Lukas', 'Weber', 'München', 'Germany', '+4915112345678', '1975-12-02'),
    },
  },
  {
    file: 'hubspot-contacts.csv',
    customers: {
      // "Phone Number" is empty: "Mobile Phone Number" fills in.
      'maria.garcia@example.es': person('Maria', 'Garcia', 'Madrid', 'Spain', '+34 612 345 678', '1990-05-03'),
      'tom.baker@example.com': person('Tom', 'Baker', 'Boston', 'United States', '+1 617 555 0199', '1982-11-30', {
        mobile_phone_number: '+1 617 555 0100',
        company_name: '',
      }),
    },
  },
  {
    file: 'salesforce-contacts-report.csv',
    skipped: 7,
    customers: {
      'lena.schmidt@example.de': person('Lena', 'Schmidt', 'Berlin', 'Germany', '+49 30 1234567', '2/14/1985', {
        home_phone: '+49 30 7654321',
        account_name: 'Schmidt AG',
      }),
      'jan.vdberg@example.nl': person('Jan', 'van der Berg', 'Amsterdam', 'Netherlands', '+31 20 555 0000', '9/1/1979'),
      'chloe.dubois@example.fr': person('Chloé', 'Dubois', 'Lyon', 'France', '+33 1 44 55 66 77', null),
    },
  },
  {
    file: 'braze-segment-users.csv',
    customers: {
      'kim.park@example.com': person('Kim', 'Park', 'Seoul', 'KR', '+82 10 1234 5678', '1992-04-08'),
      'omar.haddad@example.com': person('Omar', 'Haddad', 'Dubai', 'AE', null, '1985-10-19'),
    },
  },
  {
    file: 'woocommerce-customers.csv',
    customers: {
      'walter.white@example.com': person('Walter', 'White', 'Albuquerque', 'US', '5558675309', null),
      // Billing wins over shipping; the shipping city stays under its own name.
      'giulia.rossi@example.it': person('Giulia', 'Rossi', 'Roma', 'IT', '+39 06 1234 5678', null, {
        shipping_city: 'Torino',
        billing_first_name: 'Giulia',
      }),
    },
  },
  {
    file: 'woocommerce-analytics-customers.csv',
    customers: {
      // One "Name" column, split; the original kept as full_name.
      'ana.souza@example.com.br': person('Ana', 'Souza', 'São Paulo', 'BR', null, null, { full_name: 'Ana Souza' }),
      'jan@example.nl': person('Jan', 'van der Berg', 'Utrecht', 'NL', null, null, { full_name: 'Berg, Jan van der' }),
      'prince@example.com': person('Prince', null, 'Minneapolis', 'US', null, null),
    },
  },
  {
    file: 'excel-fr-windows-1252.csv',
    customers: {
      'helene.lefevre@example.fr': person('Hélène', 'Lefèvre', 'Besançon', 'France', '0612345678', '05/03/1990', {
        chiffre_d_affaires: '1 234,50',
      }),
      'francois.dubois@example.fr': person('François', 'Dubois-Mérignac', 'Saint-Étienne', 'France', '+33 4 77 00 00 00', '17/11/1972'),
    },
  },
  {
    file: 'excel-de-windows-1252.csv',
    customers: {
      // "Telefon" is empty: "Mobil" fills in.
      'juergen.mueller@example.de': person('Jürgen', 'Müller', 'Düsseldorf', 'Deutschland', '01511234567', '24.12.1980', {
        strasse: 'Königsallee 1',
        umsatz: '1.234,00',
      }),
      'grete.weiss@example.de': person('Grete', 'Weiß', 'Köln', 'Deutschland', '0221 123456', '01.02.1995'),
    },
  },
  {
    file: 'excel-es-windows-1252.csv',
    customers: {
      'jose.pena@example.es': person('José', 'Peña Núñez', 'Logroño', 'España', '612345678', '03/05/1988', { importe: '2.500,75' }),
      'begona.ibanez@example.es': person('Begoña', 'Ibáñez', 'Cádiz', 'España', '956123456', '29/02/1992'),
    },
  },
  {
    file: 'excel-it-windows-1252.csv',
    customers: {
      'niccolo.ferra@example.it': person('Niccolò', 'Ferrà', 'Forlì', 'Italia', '3331234567', '15/08/1979', { fatturato: '3.400,00' }),
      'lucia.dellorto@example.it': person('Lucía', "Dell'Orto", 'Cantù', 'Italia', '0312345678', '01/01/2000'),
    },
  },
  {
    file: 'excel-pt-windows-1252.csv',
    customers: {
      'joao.simoes@example.pt': person('João', 'Simões', 'Évora', 'Portugal', '912345678', '07/04/1983', { valor: '1.050,25' }),
      'conceicao.goncalves@example.pt': person('Conceição', 'Gonçalves', 'Guimarães', 'Portugal', '253123456', '30/10/1965'),
    },
  },
  {
    file: 'excel-nl-windows-1252.csv',
    customers: {
      'anais.vandenbrink@example.nl': person('Anaïs', 'van den Brink', 'Zaandijk', 'Nederland', '0612345678', '12-06-1991', {
        omzet: '1.999,95',
      }),
      'geert.devries@example.nl': person('Geërt', 'de Vries', 'Den Haag', 'België', '0470123456', '03-03-1970'),
    },
  },
];

let db: Db;

beforeEach(() => {
  db = openDatabase(path.join(tempDir('tailor-exports-'), 'workspace.tailor'), { create: true });
});
afterEach(() => db.close());

function customerByEmail(email: string): (Person & { attributes: Record<string, string> }) | undefined {
  const row = db
    .prepare('SELECT first_name, last_name, city, country, phone, birth_date, attributes FROM customers WHERE email = ?')
    .get(email) as (Omit<Person, 'attributes'> & { attributes: string }) | undefined;
  return row && { ...row, attributes: JSON.parse(row.attributes) as Record<string, string> };
}

describe('documented export formats', () => {
  it.each(FORMATS.map((format) => [format.file, format] as const))('imports %s into the right fields', async (_file, format) => {
    const report = await importCustomers(db, path.join(EXPORTS, format.file));
    const count = Object.keys(format.customers).length;
    expect(report, report.message ?? '').toMatchObject({
      status: 'succeeded',
      rowsImported: count,
      rowsRejected: 0,
      rowsSkipped: format.skipped ?? 0,
    });
    for (const [email, expected] of Object.entries(format.customers)) {
      const actual = customerByEmail(email);
      expect(actual, email).toBeDefined();
      const { attributes, ...fields } = expected;
      expect({ ...actual, attributes: undefined }, email).toEqual({ ...fields, attributes: undefined });
      for (const [key, value] of Object.entries(attributes ?? {})) {
        if (value === '') expect(actual?.attributes[key], `${email}: ${key}`).toBeUndefined();
        else expect(actual?.attributes[key], `${email}: ${key}`).toBe(value);
      }
    }
  });

  it('reads the European spreadsheet files as Windows-1252 with a semicolon', async () => {
    const report = await importCustomers(db, path.join(EXPORTS, 'excel-de-windows-1252.csv'));
    expect(report.message).toMatch(/read as windows-1252|read as ISO-8859-1/i);
  });
});
