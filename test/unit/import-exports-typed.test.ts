import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TailorApp } from '../../electron/services/app';
import type { ImportSettings } from '../../shared/contract/schemas';
import type { FieldType } from '../../shared/fields/types/field-type';
import { freshWorkspace } from '../support/workspace-app';

/**
 * The export fixtures of import-exports.test.ts, imported through the contract
 * (`imports.start`, the wizard's and CLI's path) and read back through the repo
 * API (`customers.get` returns `customers.typed`): each file's numbers, money,
 * booleans, dates, phones and countries must be stored typed, read with the
 * file's locale. Text placement is import-exports.test.ts's job.
 */

const EXPORTS = fileURLToPath(new URL('../fixtures/csv/exports/', import.meta.url));

interface TypedExpectation {
  file: string;
  /** The type each listed field ends up with. */
  types: Record<string, FieldType>;
  /** Per customer (by email), stored typed values that must be there; `undefined` means "absent: stays text". */
  customers: Record<string, Record<string, unknown>>;
}

const de = (code: string, name: string) => ({ code, name });

const FORMATS: TypedExpectation[] = [
  {
    file: 'shopify-customers.csv',
    types: {
      total_spent: 'money',
      // A count of orders, though "total" alone suggests an amount.
      total_orders: 'number',
      accepts_email_marketing: 'boolean',
      accepts_sms_marketing: 'boolean',
      tax_exempt: 'boolean',
      tags: 'list',
      phone: 'phone',
      country: 'country',
    },
    customers: {
      'karine.ruby@example.com': {
        total_spent: { amount: 1234.5, currency: null },
        accepts_email_marketing: true,
        accepts_sms_marketing: false,
        tax_exempt: false,
        tags: ['vip', 'newsletter'],
        phone: '+33142000000',
        country: de('FR', 'France'),
      },
      'russel.winfield@example.com': {
        total_spent: { amount: 0, currency: null },
        accepts_email_marketing: false,
        phone: '+16135550142',
        default_address_phone: '+16135550111',
      },
      'ayumi.hirano@example.com': {
        total_spent: { amount: 89.99, currency: null },
        accepts_sms_marketing: true,
        country: de('JP', 'Japan'),
      },
    },
  },
  {
    file: 'mailchimp-subscribed.csv',
    // LEID is Mailchimp's member id: digits, but a code.
    types: { member_rating: 'number', optin_time: 'date-time', latitude: 'number', birth_date: 'date', leid: 'text' },
    customers: {
      // A birthday without a year.
      'ann.lee@example.com': {
        birth_date: '--03-14',
        member_rating: 4,
        optin_time: '2023-01-05T10:11:12',
        latitude: 39.78,
        longitude: -89.65,
        phone: '+12175550100',
        country: { code: 'US' },
      },
      // A national number, read in the row's country (CC=FR).
      'pierre.martin@example.fr': {
        birth_date: '--11-02',
        member_rating: 2,
        gmtoff: 1,
        phone: '+33612345678',
        country: de('FR', 'France'),
      },
    },
  },
  {
    file: 'klaviyo-profiles.csv',
    types: { latitude: 'number', longitude: 'number', birth_date: 'date', country: 'country' },
    customers: {
      'sara.jones@example.com': { birth_date: '1988-07-21', latitude: 51.52, longitude: -0.16, country: de('GB', 'United Kingdom') },
      'lukas.weber@example.de': { birth_date: '1975-12-02', phone: '+4915112345678', country: de('DE', 'Germany') },
    },
  },
  {
    file: 'hubspot-contacts.csv',
    // "Create Date" holds times ("2024-01-10 09:30"), which a date would drop.
    types: { mobile_phone_number: 'phone', birth_date: 'date', contact_owner: 'email', create_date: 'date-time' },
    customers: {
      'maria.garcia@example.es': { birth_date: '1990-05-03', phone: '+34612345678', country: de('ES', 'Spain') },
      'tom.baker@example.com': { birth_date: '1982-11-30', phone: '+16175550199', mobile_phone_number: '+16175550100' },
    },
  },
  {
    file: 'salesforce-contacts-report.csv',
    types: { home_phone: 'phone', birth_date: 'date' },
    customers: {
      // "2/14/1985": month-first, decided by the 14.
      'lena.schmidt@example.de': {
        birth_date: '1985-02-14',
        phone: '+49301234567',
        home_phone: '+49307654321',
        country: de('DE', 'Germany'),
      },
      'jan.vdberg@example.nl': { birth_date: '1979-09-01', phone: '+31205550000', country: de('NL', 'Netherlands') },
      'chloe.dubois@example.fr': { birth_date: undefined, phone: '+33144556677', country: de('FR', 'France') },
    },
  },
  {
    file: 'braze-segment-users.csv',
    types: { created_at: 'date-time', last_session: 'date-time', birth_date: 'date' },
    customers: {
      'kim.park@example.com': {
        birth_date: '1992-04-08',
        phone: '+821012345678',
        created_at: '2023-03-01T10:00:00Z',
        last_session: '2024-03-01T09:00:00Z',
        country: de('KR', 'South Korea'),
      },
      'omar.haddad@example.com': { birth_date: '1985-10-19', phone: undefined, country: { code: 'AE' } },
    },
  },
  {
    file: 'woocommerce-customers.csv',
    // date_registered holds times ("2016-07-19 22:17:30"): a date-time, not a date that drops them.
    types: { total_spent: 'money', order_count: 'number', shipping_country: 'country', date_registered: 'date-time' },
    customers: {
      'walter.white@example.com': { total_spent: { amount: 312, currency: null }, order_count: 3, country: { code: 'US' } },
      // "1,050.00" in a comma-delimited file.
      'giulia.rossi@example.it': {
        total_spent: { amount: 1050, currency: null },
        order_count: 11,
        phone: '+390612345678',
        date_registered: '2019-03-02T11:00:00',
      },
    },
  },
  {
    file: 'woocommerce-analytics-customers.csv',
    types: { total_spend: 'money', aov: 'money', orders: 'number', last_active: 'date' },
    customers: {
      'ana.souza@example.com.br': { total_spend: { amount: 420, currency: 'USD' }, aov: { amount: 105, currency: 'USD' }, orders: 4 },
      'prince@example.com': {
        total_spend: { amount: 99, currency: 'USD' },
        aov: { amount: 49.5, currency: 'USD' },
        last_active: '2024-01-01',
      },
    },
  },
  {
    file: 'excel-fr-windows-1252.csv',
    types: { chiffre_d_affaires: 'number', birth_date: 'date' },
    customers: {
      // "1 234,50" and "05/03/1990" read the French way.
      'helene.lefevre@example.fr': {
        chiffre_d_affaires: 1234.5,
        birth_date: '1990-03-05',
        phone: '+33612345678',
        country: de('FR', 'France'),
      },
      'francois.dubois@example.fr': { chiffre_d_affaires: 150, birth_date: '1972-11-17', phone: '+33477000000' },
    },
  },
  {
    file: 'excel-de-windows-1252.csv',
    types: { umsatz: 'number', birth_date: 'date' },
    customers: {
      'juergen.mueller@example.de': { umsatz: 1234, birth_date: '1980-12-24', country: de('DE', 'Deutschland') },
      'grete.weiss@example.de': { umsatz: 99.9, birth_date: '1995-02-01', phone: '+49221123456' },
    },
  },
  {
    file: 'excel-es-windows-1252.csv',
    types: { importe: 'number', birth_date: 'date' },
    customers: {
      'jose.pena@example.es': { importe: 2500.75, birth_date: '1988-05-03', phone: '+34612345678', country: de('ES', 'España') },
      // 29/02/1992: a leap day, day-first.
      'begona.ibanez@example.es': { importe: 12, birth_date: '1992-02-29', phone: '+34956123456' },
    },
  },
  {
    file: 'excel-it-windows-1252.csv',
    types: { fatturato: 'number', birth_date: 'date' },
    customers: {
      'niccolo.ferra@example.it': { fatturato: 3400, birth_date: '1979-08-15', phone: '+393331234567', country: de('IT', 'Italia') },
      'lucia.dellorto@example.it': { fatturato: 0.99, birth_date: '2000-01-01', phone: '+390312345678' },
    },
  },
  {
    file: 'excel-pt-windows-1252.csv',
    types: { valor: 'number', birth_date: 'date' },
    customers: {
      'joao.simoes@example.pt': { valor: 1050.25, birth_date: '1983-04-07', phone: '+351912345678', country: de('PT', 'Portugal') },
      'conceicao.goncalves@example.pt': { valor: 80, birth_date: '1965-10-30', phone: '+351253123456' },
    },
  },
  {
    file: 'excel-nl-windows-1252.csv',
    types: { omzet: 'number', birth_date: 'date' },
    customers: {
      'anais.vandenbrink@example.nl': { omzet: 1999.95, birth_date: '1991-06-12', phone: '+31612345678', country: de('NL', 'Nederland') },
      // A Belgian mobile in a Dutch file: read in the row's country, not the file's.
      'geert.devries@example.nl': { omzet: 5, birth_date: '1970-03-03', phone: '+32470123456', country: de('BE', 'België') },
    },
  },
];

async function importFixture(app: TailorApp, file: string, settings?: ImportSettings): Promise<void> {
  const { jobId } = await app.client.call('imports.start', { path: path.join(EXPORTS, file), settings });
  const job = await app.jobs.settle(jobId);
  expect(job, job.message ?? '').toMatchObject({ status: 'succeeded' });
}

async function render(app: TailorApp, customer: string, source: string): Promise<string | null> {
  const result = await app.client.call('render.customer', { template: { name: 't', source }, customer });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.html;
}

describe('documented export formats, typed', () => {
  it.each(FORMATS.map((format) => [format.file, format] as const))('stores %s typed', async (_file, format) => {
    const { app } = await freshWorkspace();
    await importFixture(app, format.file);
    const fields = Object.fromEntries((await app.client.call('customers.fields', {})).map((field) => [field.key, field.type]));
    expect(fields).toMatchObject(format.types);
    for (const [email, expected] of Object.entries(format.customers)) {
      const customer = await app.client.call('customers.get', { idOrEmail: email });
      expect(customer, email).not.toBeNull();
      const typed = customer?.typed ?? {};
      for (const [key, value] of Object.entries(expected)) {
        if (value === undefined) expect(typed[key], `${email}: ${key}`).toBeUndefined();
        else if (typeof value === 'object' && value !== null && !Array.isArray(value))
          expect(typed[key], `${email}: ${key}`).toMatchObject(value);
        else expect(typed[key], `${email}: ${key}`).toEqual(value);
      }
    }
  });

  it('compares the German file\'s "1.234,00" as a number in Liquid, also when the wizard names the column total_spent', async () => {
    const template = '{% if umsatz > 100 %}big{% else %}small{% endif %}';
    const plain = (await freshWorkspace()).app;
    await importFixture(plain, 'excel-de-windows-1252.csv');
    expect(await render(plain, 'juergen.mueller@example.de', template)).toBe('big');
    expect(await render(plain, 'grete.weiss@example.de', template)).toBe('small');

    // The wizard's choice: the "Umsatz" column imported as the custom field total_spent.
    const { app } = await freshWorkspace();
    const file = path.join(EXPORTS, 'excel-de-windows-1252.csv');
    const preview = await app.client.call('imports.preview', { path: file, entity: 'customers' });
    const columns = preview.settings.columns?.map((column) =>
      column.header === 'Umsatz' ? { ...column, target: 'custom' as const, key: 'total_spent' } : column,
    );
    expect(columns?.some((column) => column.key === 'total_spent')).toBe(true);
    await importFixture(app, 'excel-de-windows-1252.csv', { ...preview.settings, columns });
    const juergen = await app.client.call('customers.get', { idOrEmail: 'juergen.mueller@example.de' });
    expect(juergen?.attributes.total_spent).toBe('1.234,00');
    const spent = '{% if total_spent > 100 %}big{% else %}small{% endif %}';
    expect(await render(app, 'juergen.mueller@example.de', spent)).toBe('big');
    expect(await render(app, 'grete.weiss@example.de', spent)).toBe('small');
  });
});
