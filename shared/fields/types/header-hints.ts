import { headerWords } from '../naming';
import { type FieldType } from './field-type';

/**
 * Words in a header that suggest a type. A hint only breaks a tie the data
 * leaves open (a column of 0/1 under "is_vip", of plain digits under "phone",
 * of spreadsheet serials under "birth_date"); it never overrides the data.
 */
const WORD_HINTS: Readonly<Record<string, readonly FieldType[]>> = {
  birth: ['date'],
  birthday: ['date'],
  birthdate: ['date'],
  dob: ['date'],
  date: ['date', 'date-time'],
  day: ['date'],
  anniversary: ['date'],
  since: ['date', 'date-time'],
  time: ['date-time'],
  timestamp: ['date-time'],
  datetime: ['date-time'],
  at: ['date-time'],
  phone: ['phone'],
  mobile: ['phone'],
  tel: ['phone'],
  telephone: ['phone'],
  cell: ['phone'],
  fax: ['phone'],
  whatsapp: ['phone'],
  sms: ['phone'],
  country: ['country'],
  pays: ['country'],
  land: ['country'],
  pais: ['country'],
  paese: ['country'],
  price: ['money'],
  total: ['money', 'number'],
  amount: ['money'],
  spent: ['money'],
  spend: ['money'],
  revenue: ['money'],
  cost: ['money'],
  ltv: ['money'],
  balance: ['money'],
  value: ['money', 'number'],
  count: ['number'],
  // Things counted: "Total Orders" is how many, though "total" alone suggests an amount.
  orders: ['number'],
  purchases: ['number'],
  visits: ['number'],
  sessions: ['number'],
  logins: ['number'],
  clicks: ['number'],
  opens: ['number'],
  quantity: ['number'],
  qty: ['number'],
  age: ['number'],
  score: ['number'],
  is: ['boolean'],
  has: ['boolean'],
  vip: ['boolean'],
  opt: ['boolean'],
  optin: ['boolean'],
  consent: ['boolean'],
  subscribed: ['boolean'],
  accepts: ['boolean'],
  active: ['boolean'],
  verified: ['boolean'],
  newsletter: ['boolean'],
  email: ['email'],
  mail: ['email'],
  // Codes that look like numbers or countries but are neither quantities nor places.
  id: ['text'],
  uid: ['text'],
  uuid: ['text'],
  guid: ['text'],
  // Mailchimp's list member ids.
  leid: ['text'],
  euid: ['text'],
  ref: ['text'],
  reference: ['text'],
  code: ['text'],
  zip: ['text'],
  zipcode: ['text'],
  postcode: ['text'],
  postal: ['text'],
  plz: ['text'],
  sku: ['text'],
  ean: ['text'],
  iban: ['text'],
  language: ['text'],
  lang: ['text'],
  locale: ['text'],
  sprache: ['text'],
  langue: ['text'],
  idioma: ['text'],
  lingua: ['text'],
  taal: ['text'],
  tags: ['list'],
  list: ['list'],
  interests: ['list'],
  categories: ['list'],
  labels: ['list'],
};

/**
 * The types a header suggests, most likely first: "Birth Date" → date,
 * "is_vip" → boolean, "Customer ID" → text (so digits stay a code).
 */
export function typesHintedBy(header: string | undefined): FieldType[] {
  const words = headerWords(header ?? '');
  const hinted: FieldType[] = [];
  for (const word of words) {
    for (const type of WORD_HINTS[word] ?? []) if (!hinted.includes(type)) hinted.push(type);
  }
  // A counted noun settles what a vaguer word ("total", "value") left open.
  if (words.some((word) => COUNTED.has(word)) && hinted.includes('number')) {
    return ['number', ...hinted.filter((type) => type !== 'number')];
  }
  return hinted;
}

const COUNTED: ReadonlySet<string> = new Set(['count', 'orders', 'purchases', 'visits', 'sessions', 'logins', 'clicks', 'opens']);
