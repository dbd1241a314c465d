import { describe, expect, it } from 'vitest';
import { CANONICAL_FIELDS, CANONICAL_KEYS, canonicalKeyFor, mapHeaders } from '../../shared/fields/canonical';

const keyOf = (header: string): string | null => canonicalKeyFor(header);

describe('canonicalKeyFor', () => {
  it.each([
    [
      'first_name',
      [
        'First Name',
        'firstname',
        'FirstName',
        'first_name',
        'given_name',
        'Given Name',
        'fname',
        'forename',
        'FIRST NAME',
        ' First-Name ',
        'Prénom',
      ],
    ],
    ['email', ['email', 'E-mail', 'Email Address', 'e_mail', 'mail', 'EMAIL', 'E-Mail']],
    ['last_name', ['Last Name', 'surname', 'Family Name', 'lname', 'LastName']],
    ['id', ['id', 'ID', 'customer_id', 'Customer ID', 'User ID', 'External ID', 'Contact Id', 'Subscriber Key']],
    ['phone', ['phone', 'Mobile', 'Telephone', 'cell', 'Phone Number']],
    ['birth_date', ['dob', 'DOB', 'Date of Birth', 'birthday', 'birth_date', 'BirthDate']],
    ['gender', ['gender', 'Sex']],
    ['city', ['City', 'town']],
    ['country', ['Country', 'Country Code', 'country_code']],
  ])('maps headers to %s', (key, headers) => {
    for (const header of headers) expect(keyOf(header), header).toBe(key);
  });

  it('leaves unknown headers alone', () => {
    expect(keyOf('Loyalty Tier')).toBeNull();
    expect(keyOf('Full Name')).toBeNull();
    expect(keyOf('Accepts Email Marketing')).toBeNull();
    expect(keyOf('Last Activity')).toBeNull();
    expect(keyOf('Company Name')).toBeNull();
    expect(keyOf('')).toBeNull();
  });
});

describe('mapHeaders', () => {
  it('maps canonical and custom columns in order, stripping a BOM', () => {
    expect(mapHeaders(['\uFEFFE-mail', 'First Name', 'Loyalty Tier', 'lname'])).toEqual([
      { header: 'E-mail', key: 'email', kind: 'canonical' },
      { header: 'First Name', key: 'first_name', kind: 'canonical' },
      { header: 'Loyalty Tier', key: 'loyalty_tier', kind: 'custom' },
      { header: 'lname', key: 'last_name', kind: 'canonical' },
    ]);
  });

  it('never drops a column: blank headers get column_<n>, collisions get a suffix', () => {
    const mapping = mapHeaders(['email', '', 'Tier', 'tier', 'TIER', '  ', '#']);
    expect(mapping.map((column) => column.key)).toEqual(['email', 'column_2', 'tier', 'tier_2', 'tier_3', 'column_6', 'column_7']);
    expect(mapping.every((column, index) => index === 0 || column.kind === 'custom')).toBe(true);
  });

  it('turns a second column for a taken canonical field into a custom attribute', () => {
    const mapping = mapHeaders(['Email', 'Email Address', 'Mobile', 'Phone', 'Town', 'City']);
    expect(mapping).toEqual([
      { header: 'Email', key: 'email', kind: 'canonical' },
      { header: 'Email Address', key: 'email_address', kind: 'custom' },
      // "Phone" outranks "Mobile" wherever it stands; Mobile still fills phone where Phone is empty.
      { header: 'Mobile', key: 'mobile', kind: 'custom', fills: { kind: 'fallback', field: 'phone', rank: 1 } },
      { header: 'Phone', key: 'phone', kind: 'canonical' },
      { header: 'Town', key: 'city', kind: 'canonical' },
      { header: 'City', key: 'city_2', kind: 'custom' },
    ]);
  });

  it('never gives a custom attribute a reserved name', () => {
    expect(mapHeaders(['email', 'Customer', 'Attributes']).map((column) => column.key)).toEqual(['email', 'customer_2', 'attributes_2']);
  });

  it('keeps custom keys valid identifiers', () => {
    expect(mapHeaders(['id', '2024 Spend', 'Prénom du chien']).map((column) => column.key)).toEqual([
      'id',
      'field_2024_spend',
      'prenom_du_chien',
    ]);
  });

  it('exports the canonical field list with labels', () => {
    expect(CANONICAL_FIELDS.map((field) => field.key)).toEqual([...CANONICAL_KEYS]);
    expect(CANONICAL_KEYS).toEqual(['id', 'email', 'first_name', 'last_name', 'phone', 'birth_date', 'gender', 'city', 'country']);
    for (const field of CANONICAL_FIELDS) expect(field.label.length).toBeGreaterThan(0);
  });
});

describe('headers of real exports', () => {
  const canonical = (headers: string[]): Record<string, string> =>
    Object.fromEntries(mapHeaders(headers).flatMap((column) => (column.kind === 'canonical' ? [[column.key, column.header]] : [])));

  it.each([
    ['Default Address City', 'city'],
    ['Mailing Country', 'country'],
    ['Billing Phone', 'phone'],
    ['Country/Region', 'country'],
    ['Country / Region', 'country'],
    ['home_city', 'city'],
    ['shipping_country', 'country'],
    ['Primary Email', 'email'],
    ['Contact Phone', 'phone'],
    ['Default Address Country Code', 'country'],
    ['Ville de facturation', 'city'],
    ['Record ID', 'id'],
  ])('reads the prefixed header %s as %s', (header, key) => {
    expect(canonicalKeyFor(header)).toBe(key);
  });

  it.each([
    ['French', ['Prénom', 'Nom', 'Ville', 'Pays', 'Téléphone', 'Date de naissance']],
    ['German', ['Vorname', 'Nachname', 'Stadt', 'Land', 'Telefon', 'Geburtsdatum']],
    ['German (Ort)', ['VORNAME', 'nachname', 'Ort', 'land', 'TELEFON', 'geburtsdatum']],
    ['Spanish', ['Nombre', 'Apellidos', 'Ciudad', 'País', 'Teléfono', 'Fecha de nacimiento']],
    ['Spanish (Apellido)', ['nombre', 'Apellido', 'ciudad', 'pais', 'telefono', 'fecha_de_nacimiento']],
    ['Italian', ['Nome', 'Cognome', 'Città', 'Paese', 'Telefono', 'Data di nascita']],
    ['Portuguese', ['Nome', 'Sobrenome', 'Cidade', 'País', 'Telefone', 'Data de nascimento']],
    ['Portuguese (Apelido)', ['Nome', 'Apelido', 'Cidade', 'País', 'Telefone', 'Data de Nascimento']],
    ['Dutch', ['Voornaam', 'Achternaam', 'Plaats', 'Land', 'Telefoon', 'Geboortedatum']],
    ['Dutch (Woonplaats)', ['voornaam', 'achternaam', 'Woonplaats', 'land', 'telefoon', 'geboortedatum']],
  ])('maps %s headers, accents and case ignored', (_language, headers) => {
    expect(mapHeaders(['email', ...headers]).map((column) => column.key)).toEqual([
      'email',
      'first_name',
      'last_name',
      'city',
      'country',
      'phone',
      'birth_date',
    ]);
  });

  it('picks the same winner by prefix priority whatever the column order, and keeps the others under their own names', () => {
    const headers = ['Email', 'Shipping City', 'Billing City', 'Default Address City', 'Shipping Country', 'Mailing Country'];
    expect(canonical(headers)).toEqual({ email: 'Email', city: 'Default Address City', country: 'Mailing Country' });
    expect(canonical([...headers].reverse())).toEqual({ email: 'Email', city: 'Default Address City', country: 'Mailing Country' });
    expect(mapHeaders(headers).map((column) => column.key)).toEqual([
      'email',
      'shipping_city',
      'billing_city',
      'city',
      'shipping_country',
      'country',
    ]);
    // Unprefixed beats any prefix; billing beats shipping.
    expect(canonical(['email', 'billing_city', 'city'])).toMatchObject({ city: 'city' });
    expect(canonical(['email', 'shipping_city', 'billing_city'])).toMatchObject({ city: 'billing_city' });
  });

  it('orders phone columns: phone, mobile, then by prefix, each other one a fallback with its rank', () => {
    const mapping = mapHeaders(['email', 'Work Phone', 'Home Phone', 'Mobile', 'Phone', 'Billing Phone']);
    expect(mapping.map((column) => [column.key, column.fills])).toEqual([
      ['email', undefined],
      ['work_phone', { kind: 'fallback', field: 'phone', rank: 4 }],
      ['home_phone', { kind: 'fallback', field: 'phone', rank: 2 }],
      ['mobile', { kind: 'fallback', field: 'phone', rank: 1 }],
      ['phone', undefined],
      ['billing_phone', { kind: 'fallback', field: 'phone', rank: 3 }],
    ]);
  });

  it('marks one full-name column for splitting only when first and last name columns are not both there', () => {
    for (const header of ['Name', 'Full name', 'Customer name', 'Nom complet', 'Naam']) {
      expect(mapHeaders(['email', header])[1], header).toEqual({ header, key: 'full_name', kind: 'custom', fills: { kind: 'split_name' } });
    }
    expect(mapHeaders(['email', 'Name', 'First Name', 'Last Name'])[1]).toEqual({ header: 'Name', key: 'full_name', kind: 'custom' });
    expect(mapHeaders(['email', 'Company Name', 'Account Name']).every((column) => column.fills === undefined)).toBe(true);
  });
});
