/**
 * The words real exports use for Tailor's canonical fields, in compact form
 * (see compactHeader: lowercase ASCII letters and digits, accents dropped), in
 * English, French, German, Spanish, Italian, Portuguese and Dutch. Checked
 * against the documented customer/contact exports in test/fixtures/csv/exports.
 *
 * A synonym's rank orders columns of the same field and qualifier: "Phone"
 * (0) beats "Mobile" (1), "Country" (0) beats "Country Code" (1).
 */

export interface Synonym {
  readonly word: string;
  readonly rank: number;
}

const ranked = (rank: number, words: readonly string[]): Synonym[] => words.map((word) => ({ word, rank }));

export const FIELD_SYNONYMS = {
  id: ranked(0, [
    'id',
    'customerid',
    'custid',
    'userid',
    'externalid',
    'contactid',
    'subscriberkey',
    'subscriberid',
    'memberid',
    'clientid',
    'recordid',
    'kundennummer',
    'kundenid',
    'idclient',
    'numeroclient',
    'idcliente',
    'codicecliente',
    'klantnummer',
    'klantid',
  ]),
  email: ranked(0, [
    'email',
    'emailaddress',
    'emailaddr',
    'mail',
    'mailaddress',
    'courriel',
    'adresseemail',
    'adressemail',
    'adressecourriel',
    'emailadresse',
    'mailadresse',
    'correo',
    'correoelectronico',
    'indirizzoemail',
    'postaelettronica',
    'enderecodeemail',
    'emailadres',
    'mailadres',
  ]),
  first_name: ranked(0, [
    'firstname',
    'first',
    'givenname',
    'fname',
    'forename',
    'prenom',
    'vorname',
    'nombre',
    'nome',
    'primeironome',
    'voornaam',
    'roepnaam',
  ]),
  last_name: ranked(0, [
    'lastname',
    'last',
    'surname',
    'familyname',
    'lname',
    'nom',
    'nomdefamille',
    'nachname',
    'familienname',
    'apellido',
    'apellidos',
    'cognome',
    'sobrenome',
    'apelido',
    'achternaam',
  ]),
  phone: [
    ...ranked(0, [
      'phone',
      'phonenumber',
      'phoneno',
      'telephone',
      'telephonenumber',
      'tel',
      'numerodetelephone',
      'telefon',
      'telefonnummer',
      'telefono',
      'numerodetelefono',
      'telefone',
      'telefoon',
      'telefoonnummer',
    ]),
    ...ranked(1, [
      'mobile',
      'mobilephone',
      'mobilenumber',
      'mobilephonenumber',
      'cell',
      'cellphone',
      'cellnumber',
      'portable',
      'mobil',
      'handy',
      'mobiltelefon',
      'mobilnummer',
      'movil',
      'celular',
      'cellulare',
      'telemovel',
      'mobiel',
      'mobielnummer',
      'gsm',
    ]),
  ],
  birth_date: ranked(0, [
    'birthdate',
    'dob',
    'dateofbirth',
    'birthday',
    'birth',
    'datedenaissance',
    'naissance',
    'geburtsdatum',
    'geburtstag',
    'fechadenacimiento',
    'nacimiento',
    'datadinascita',
    'datadenascimento',
    'nascimento',
    'geboortedatum',
  ]),
  gender: ranked(0, ['gender', 'sex', 'sexe', 'genre', 'geschlecht', 'genero', 'sexo', 'sesso', 'genere', 'geslacht']),
  city: ranked(0, [
    'city',
    'town',
    'ville',
    'stadt',
    'ort',
    'wohnort',
    'ciudad',
    'localidad',
    'poblacion',
    'citta',
    'comune',
    'localita',
    'cidade',
    'localidade',
    'plaats',
    'woonplaats',
    'stad',
  ]),
  country: [
    ...ranked(0, ['country', 'countryname', 'countryregion', 'pays', 'land', 'pais', 'paese', 'nazione']),
    // "CC" is Mailchimp's column for the country code.
    ...ranked(1, ['countrycode', 'countryiso', 'countryiso2', 'codepays', 'landcode', 'cc']),
  ],
} as const satisfies Record<string, readonly Synonym[]>;

/**
 * A single column holding the whole name. Exact synonyms only: "Company Name"
 * or "Account Name" must never be split into a person's first and last name.
 */
export const FULL_NAME_SYNONYMS: readonly string[] = [
  'name',
  'fullname',
  'customername',
  'contactname',
  'clientname',
  'subscribername',
  'nomcomplet',
  'nometprenom',
  'vollstandigername',
  'vollername',
  'nombrecompleto',
  'nomecompleto',
  'nominativo',
  'naam',
  'volledigenaam',
];

/**
 * Words that say which of several addresses, phones or emails a column holds,
 * as in "Default Address City", "Mailing Country", "Billing Phone", "home_city",
 * "Ville de facturation". Lower is preferred: when several columns name the
 * same field, the one whose first qualifier ranks lowest wins (an unqualified
 * column ranks 0), then the lower synonym rank, then the leftmost column.
 */
export const QUALIFIER_RANKS: ReadonlyMap<string, number> = new Map<string, number>([
  ...['primary', 'main', 'principal', 'preferred', 'personal', 'private', 'privat', 'prive', 'privato', 'particulier', '1'].map(
    (word) => [word, 1] as const,
  ),
  ...['default', 'contact', 'customer', 'client', 'kunde', 'cliente', 'klant'].map((word) => [word, 2] as const),
  ...['home', 'residential', 'domicile', 'casa', 'thuis'].map((word) => [word, 3] as const),
  ...['mailing', 'postal', 'address', 'addr', 'adresse', 'anschrift', 'direccion', 'indirizzo', 'endereco', 'adres', 'post'].map(
    (word) => [word, 4] as const,
  ),
  ...[
    'billing',
    'bill',
    'invoice',
    'facturation',
    'rechnung',
    'rechnungsadresse',
    'facturacion',
    'fatturazione',
    'faturamento',
    'cobranca',
    'factuur',
    'factuuradres',
  ].map((word) => [word, 5] as const),
  ...[
    'shipping',
    'ship',
    'delivery',
    'livraison',
    'lieferung',
    'lieferadresse',
    'envio',
    'entrega',
    'spedizione',
    'consegna',
    'verzending',
    'verzendadres',
    'bezorgadres',
    'afleveradres',
  ].map((word) => [word, 6] as const),
  ...['work', 'business', 'office', 'company', 'bureau', 'travail', 'arbeit', 'geschaftlich', 'trabajo', 'lavoro', 'trabalho', 'werk'].map(
    (word) => [word, 7] as const,
  ),
  ...['other', 'secondary', 'alternate', 'alternative', 'alt', 'additional', 'autre', 'andere', 'otro', 'altro', 'outro', '2', '3'].map(
    (word) => [word, 8] as const,
  ),
]);

/** Small words between a field and its qualifier: "Ville de facturation", "Città di consegna". */
export const CONNECTOR_WORDS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'di', 'da', 'do', 'del', 'der', 'van', 'of', 'la', 'le']);
