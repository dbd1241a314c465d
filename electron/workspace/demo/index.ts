import type { SexType } from '@faker-js/faker';
import { ContractError } from '../../../shared/contract/envelope';
import { toSnakeKey } from '../../../shared/fields/naming';
import type { Db } from '../db';
import { setDefaultAsOf } from '../default-as-of';
import { recomputeFieldStats } from '../field-stats';
import { CUSTOMER_COLUMNS, importDemoActivity, importDemoCustomers, type CsvRow } from './activity';
import { asciiSlug, LOCALES, personName, seedFakers, structuralFaker, type DemoLocale } from './people';
import { dayOf, isoDate, isoTimestamp, Rng } from './random';
import { DEMO_SEGMENTS, matchesRule, type FlatRecord } from './segments';
import { loadStarterTemplates } from './templates';
import { issuedPhone } from './issued-phone';

export { DEMO_SEGMENTS, type DemoSegment } from './segments';
export { loadStarterTemplates, STARTER_TEMPLATES, starterTemplatesDir } from './templates';

export interface DemoOptions {
  /** How many customers to generate (default 3000). */
  customers?: number;
  /** Same seed, same rows, byte for byte (default 20261101). */
  seed?: number;
}

export interface DemoSummary {
  customers: number;
  orders: number;
  events: number;
  segments: number;
  templates: number;
  personas: number;
}

export const DEFAULT_DEMO_CUSTOMERS = 3000;
export const DEFAULT_DEMO_SEED = 20261101;

/**
 * "Today" for the demo data: fixed, so the same seed always gives the same
 * workspace. Its activity ends the day before, and it is the demo's default
 * as-of day (`defaultAsOf`), so its windows and tiers stay full as time passes.
 */
export const DEMO_REFERENCE_DATE = '2026-11-01';
const REFERENCE_TIMESTAMP = `${DEMO_REFERENCE_DATE}T00:00:00.000Z`;
const ACTIVITY_START = dayOf('2024-01-01');
const ACTIVITY_END = dayOf('2026-10-31');
const SIGNUP_START = dayOf('2021-03-01');
const BIRTH_START = dayOf('1950-01-01');
const BIRTH_END = dayOf('2007-12-31');

/** Custom attributes, in the order they are written, labelled as a CSV export would head them. */
const CUSTOM_FIELD_LABELS = [
  'Loyalty Tier',
  'Loyalty Points',
  'Lifetime Value',
  'Order Count',
  'Last Order Date',
  'Favorite Category',
  'Signup Date',
  'Newsletter Opt-In',
] as const;

/** Unit price range in cents; the top end keeps any single order under 1000. */
const CATEGORIES: readonly { name: string; min: number; max: number }[] = [
  { name: 'Shoes', min: 4500, max: 18000 },
  { name: 'Dresses', min: 3500, max: 16000 },
  { name: 'Outerwear', min: 6000, max: 24000 },
  { name: 'Accessories', min: 1200, max: 9000 },
  { name: 'Activewear', min: 2000, max: 11000 },
  { name: 'Home', min: 1500, max: 14000 },
  { name: 'Beauty', min: 800, max: 6000 },
  { name: 'Kids', min: 1000, max: 7000 },
];
const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Shoes', 18],
  ['Dresses', 14],
  ['Outerwear', 12],
  ['Accessories', 16],
  ['Activewear', 14],
  ['Home', 10],
  ['Beauty', 10],
  ['Kids', 6],
];

/** Many customers with 0-1 orders, a long tail of frequent buyers (mean about 3). */
const ORDER_COUNT_BUCKETS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 0], 27],
  [[1, 1], 25],
  [[2, 3], 19],
  [[4, 7], 17],
  [[10, 26], 9],
];
/** Low, medium and highly engaged customers (mean about 6 events). */
const EVENT_COUNT_BUCKETS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 3], 35],
  [[4, 8], 45],
  [[9, 16], 20],
];

const EVENT_TYPES: readonly (readonly [EventType, number])[] = [
  ['site_visit', 30],
  ['product_view', 28],
  ['email_open', 20],
  ['email_click', 12],
  ['cart_add', 10],
];
type EventType = 'email_open' | 'email_click' | 'product_view' | 'cart_add' | 'site_visit';

const CAMPAIGNS = [
  'Spring Edit',
  'Summer Sale',
  'Back to School',
  'Autumn Layers',
  'Black Friday',
  'Holiday Gift Guide',
  'New Year Reset',
  'Loyalty Rewards',
] as const;
const PAGES = ['/', '/new-arrivals', '/sale', '/stores', '/account', '/gift-cards', '/journal'] as const;
const DEVICES: readonly (readonly [string, number])[] = [
  ['mobile', 58],
  ['desktop', 34],
  ['tablet', 8],
];
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com', 'inbox.example.net'] as const;

interface DemoOrder {
  day: number;
  second: number;
  totalCents: number;
  items: number;
  category: string;
}

interface DemoEvent {
  day: number;
  second: number;
  type: EventType;
  properties: Record<string, string | number>;
}

interface DemoCustomer {
  id: string;
  locale: DemoLocale;
  sex: SexType | undefined;
  /** The generated name, kept even when first_name is left blank: the email is built from it. */
  givenName: string;
  familyName: string;
  firstName: string | null;
  email: string;
  phone: string | null;
  birthDate: string | null;
  gender: string | null;
  city: string | null;
  orders: DemoOrder[];
  events: DemoEvent[];
  attributes: Record<string, string>;
}

const byTime = (a: { day: number; second: number }, b: { day: number; second: number }): number => a.day - b.day || a.second - b.second;

function countFrom(rng: Rng, buckets: readonly (readonly [readonly [number, number], number])[]): number {
  const [min, max] = rng.weighted(buckets);
  return rng.int(min, max);
}

function categoryPrice(category: string): { min: number; max: number } {
  return CATEGORIES.find((entry) => entry.name === category) ?? { min: 1000, max: 5000 };
}

/** Most frequent category; ties go to the category met first, which keeps it deterministic. */
function mostFrequent(categories: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const category of categories) counts.set(category, (counts.get(category) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [category, count] of counts) {
    if (count > bestCount) {
      best = category;
      bestCount = count;
    }
  }
  return best;
}

function loyaltyTier(lifetimeCents: number): string {
  if (lifetimeCents > 150_000) return 'Platinum';
  if (lifetimeCents > 70_000) return 'Gold';
  if (lifetimeCents > 25_000) return 'Silver';
  return 'Bronze';
}

function generateCustomer(rng: Rng, index: number): DemoCustomer {
  const locale = rng.weighted(LOCALES.map((entry) => [entry, entry.weight] as const));
  const sexDraw = rng.weighted<'female' | 'male' | 'non-binary'>([
    ['female', 49],
    ['male', 49],
    ['non-binary', 2],
  ]);
  const sex: SexType | undefined = sexDraw === 'non-binary' ? undefined : sexDraw;
  const name = personName(locale, sex);
  const firstName = rng.chance(0.05) ? null : name.first;
  const gender = rng.chance(0.03) ? null : sexDraw;
  const phone = rng.chance(0.15) ? null : issuedPhone(locale.faker.phone.number({ style: 'international' }), locale.country);
  const birthDate = rng.chance(0.2) ? null : isoDate(rng.int(BIRTH_START, BIRTH_END));
  const city = rng.chance(0.08) ? null : locale.faker.location.city();
  const signupDay = rng.int(SIGNUP_START, ACTIVITY_END);
  const newsletter = rng.chance(0.72);
  const preferred = rng.weighted(CATEGORY_WEIGHTS);
  const pickCategory = (): string => (rng.chance(0.65) ? preferred : rng.weighted(CATEGORY_WEIGHTS));

  const windowStart = Math.max(signupDay, ACTIVITY_START);
  const windowDays = ACTIVITY_END - windowStart + 1;
  let orderCount = countFrom(rng, ORDER_COUNT_BUCKETS);
  // Recent sign-ups have had little time to buy.
  if (windowDays < 365) orderCount = Math.min(orderCount, Math.ceil(windowDays / 60));
  if (windowDays < 120)
    orderCount = Math.min(
      orderCount,
      rng.weighted([
        [0, 50],
        [1, 38],
        [2, 12],
      ]),
    );

  const orders: DemoOrder[] = [];
  for (let n = 0; n < orderCount; n++) {
    const category = pickCategory();
    const price = categoryPrice(category);
    const items = rng.weighted([
      [1, 50],
      [2, 28],
      [3, 14],
      [4, 8],
    ]);
    let totalCents = 0;
    for (let item = 0; item < items; item++) totalCents += rng.int(price.min, price.max);
    orders.push({ day: rng.int(windowStart, ACTIVITY_END), second: rng.int(6 * 3600, 86_399), totalCents, items, category });
  }
  orders.sort(byTime);

  const events: DemoEvent[] = [];
  const eventCount = countFrom(rng, EVENT_COUNT_BUCKETS);
  for (let n = 0; n < eventCount; n++) {
    const type = rng.weighted(EVENT_TYPES);
    const day = rng.int(windowStart, ACTIVITY_END);
    const second = rng.int(0, 86_399);
    let properties: Record<string, string | number>;
    switch (type) {
      case 'email_open':
        properties = { campaign: rng.pick(CAMPAIGNS) };
        break;
      case 'email_click':
        properties = { campaign: rng.pick(CAMPAIGNS), category: pickCategory() };
        break;
      case 'product_view':
        properties = { category: pickCategory(), product: `P${rng.int(1000, 4999)}` };
        break;
      case 'cart_add': {
        const category = pickCategory();
        const price = categoryPrice(category);
        properties = { category, product: `P${rng.int(1000, 4999)}`, value: rng.int(price.min, price.max) / 100 };
        break;
      }
      case 'site_visit':
        properties = { page: rng.pick(PAGES), device: rng.weighted(DEVICES) };
        break;
    }
    events.push({ day, second, type, properties });
  }
  events.sort(byTime);

  const lifetimeCents = orders.reduce((sum, order) => sum + order.totalCents, 0);
  const lastOrder = orders[orders.length - 1];
  const browsed = events.flatMap((event) =>
    (event.type === 'product_view' || event.type === 'cart_add') && typeof event.properties.category === 'string'
      ? [event.properties.category]
      : [],
  );
  const favorite = mostFrequent(orders.map((order) => order.category)) ?? mostFrequent(browsed);
  const earned = Math.floor(lifetimeCents / 100) + (newsletter ? 50 : 0);
  const redeemed = earned >= 1000 && rng.chance(0.4) ? 500 * rng.int(1, Math.floor(earned / 1000)) : 0;

  const values: Record<(typeof CUSTOM_FIELD_LABELS)[number], string | undefined> = {
    'Loyalty Tier': loyaltyTier(lifetimeCents),
    'Loyalty Points': String(earned - redeemed),
    'Lifetime Value': (lifetimeCents / 100).toFixed(2),
    'Order Count': String(orders.length),
    'Last Order Date': lastOrder ? isoDate(lastOrder.day) : undefined,
    'Favorite Category': favorite,
    'Signup Date': isoDate(signupDay),
    'Newsletter Opt-In': newsletter ? 'yes' : 'no',
  };
  const attributes: Record<string, string> = {};
  for (const label of CUSTOM_FIELD_LABELS) {
    const value = values[label];
    if (value !== undefined) attributes[toSnakeKey(label)] = value;
  }

  return {
    id: `C${10001 + index}`,
    locale,
    sex,
    givenName: name.first,
    familyName: name.last,
    firstName,
    email: '',
    phone,
    birthDate,
    gender,
    city,
    orders,
    events,
    attributes,
  };
}

const flatten = (customer: DemoCustomer): FlatRecord => ({
  ...customer.attributes,
  id: customer.id,
  first_name: customer.firstName,
  last_name: customer.familyName,
  phone: customer.phone,
  birth_date: customer.birthDate,
  gender: customer.gender,
  city: customer.city,
  country: customer.locale.country,
});

/**
 * Persona previews show each segment's first member (lowest id): give those
 * three a first name, and a different one each, so the previews tell apart.
 */
function nameSegmentLeaders(customers: readonly DemoCustomer[]): void {
  const flat = customers.map(flatten);
  const used = new Set<string>();
  for (const segment of DEMO_SEGMENTS) {
    const index = flat.findIndex((record) => matchesRule(record, segment.rule));
    const leader = customers[index];
    if (!leader) continue;
    for (let attempt = 0; (leader.firstName === null || used.has(leader.firstName)) && attempt < 100; attempt++) {
      leader.givenName = personName(leader.locale, leader.sex).first;
      leader.firstName = leader.givenName;
    }
    if (leader.firstName !== null) used.add(leader.firstName);
  }
}

function assignEmails(rng: Rng, customers: readonly DemoCustomer[]): void {
  const taken = new Set<string>();
  for (const customer of customers) {
    const first = asciiSlug(customer.givenName);
    const last = asciiSlug(customer.familyName);
    // Names in other scripts (Japanese) have no ASCII spelling here.
    const base =
      first && last
        ? rng.weighted([
            [`${first}.${last}`, 45],
            [`${first}${last}`, 15],
            [`${first.charAt(0)}.${last}`, 15],
            [`${first}_${last}`, 10],
            [`${first}${rng.int(1, 99)}`, 15],
          ])
        : `member${customer.id.slice(1)}`;
    const domain = rng.pick(EMAIL_DOMAINS);
    let email = `${base}@${domain}`;
    for (let n = 2; taken.has(email); n++) email = `${base}${n}@${domain}`;
    taken.add(email);
    customer.email = email;
  }
}

const POPULATED_TABLES = ['customers', 'customer_fields', 'orders', 'events', 'segments', 'templates', 'personas'] as const;

/**
 * Fill an empty, freshly migrated workspace with the demo data set: customers
 * from several locales with orders, behavioural events, custom attributes
 * consistent with those orders, three disjoint segments with a persona each,
 * and the three starter templates. Deterministic: no clock, no Math.random.
 */
export async function populateDemo(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
  const count = options.customers ?? DEFAULT_DEMO_CUSTOMERS;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  // Ids stay five digits (C10001..C59999), so ORDER BY id is numeric order.
  if (!Number.isInteger(count) || count < 1 || count > 50_000) {
    throw new ContractError('invalid_input', 'The demo workspace needs between 1 and 50000 customers.');
  }
  if (!Number.isInteger(seed)) throw new ContractError('invalid_input', 'The demo seed must be a whole number.');
  const templates = loadStarterTemplates();

  const insertSegment = db.prepare('INSERT INTO segments (name, rule, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const insertPersona = db.prepare(`INSERT INTO personas (label, kind, segment_id, position) VALUES (?, 'segment', ?, ?)`);
  const insertTemplate = db.prepare('INSERT INTO templates (name, source, created_at, updated_at) VALUES (?, ?, ?, ?)');

  const customerRows: CsvRow[] = [];
  const orderRows: CsvRow[] = [];
  const eventRows: CsvRow[] = [];
  const customerCount = db.transaction((): number => {
    for (const table of POPULATED_TABLES) {
      if (db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined) {
        throw new ContractError('conflict', 'The demo data can only be added to an empty workspace.');
      }
    }

    seedFakers(seed);
    const rng = new Rng(structuralFaker);
    const customers: DemoCustomer[] = [];
    for (let index = 0; index < count; index++) customers.push(generateCustomer(rng, index));
    nameSegmentLeaders(customers);
    assignEmails(rng, customers);

    let orderSeq = 0;
    for (const customer of customers) {
      const row: CsvRow = {
        id: customer.id,
        email: customer.email ?? '',
        first_name: customer.firstName ?? '',
        last_name: customer.familyName,
        phone: customer.phone ?? '',
        birth_date: customer.birthDate ?? '',
        gender: customer.gender ?? '',
        city: customer.city ?? '',
        country: customer.locale.country,
      };
      for (const label of CUSTOM_FIELD_LABELS) {
        const value = customer.attributes[toSnakeKey(label)];
        if (value !== undefined) row[label] = value;
      }
      customerRows.push(row);
      for (const order of customer.orders) {
        orderSeq++;
        orderRows.push({
          order_id: `O${100000 + orderSeq}`,
          customer_id: customer.id,
          ordered_at: isoTimestamp(order.day, order.second),
          total: (order.totalCents / 100).toFixed(2),
          currency: 'USD',
          status: 'completed',
          items: order.items,
          category: order.category,
        });
      }
      for (const event of customer.events) {
        eventRows.push({
          customer_id: customer.id,
          type: event.type,
          timestamp: isoTimestamp(event.day, event.second),
          ...event.properties,
        });
      }
    }

    DEMO_SEGMENTS.forEach((segment, position) => {
      const { lastInsertRowid } = insertSegment.run(segment.name, JSON.stringify(segment.rule), REFERENCE_TIMESTAMP, REFERENCE_TIMESTAMP);
      insertPersona.run(segment.persona, lastInsertRowid, position);
    });
    for (const template of templates) insertTemplate.run(template.name, template.source, REFERENCE_TIMESTAMP, REFERENCE_TIMESTAMP);
    setDefaultAsOf(db, DEMO_REFERENCE_DATE);
    return customers.length;
  })();

  // Customers come in through the import like a user's file, so their fields are typed (and their values
  // stored typed) by the same detection; then every order and event links as it arrives.
  await importDemoCustomers(db, customerRows, [...CUSTOMER_COLUMNS, ...CUSTOM_FIELD_LABELS]);
  // The demo's "today" is fixed, so the same seed gives the same rows whenever it is generated.
  db.prepare('UPDATE customers SET created_at = ?, updated_at = ?').run(REFERENCE_TIMESTAMP, REFERENCE_TIMESTAMP);
  db.prepare('UPDATE customer_fields SET created_at = ?').run(REFERENCE_TIMESTAMP);
  // The same full pass an existing workspace gets, so the demo's field statistics are the real ones.
  recomputeFieldStats(db);
  const activity = await importDemoActivity(db, orderRows, eventRows);
  return {
    customers: customerCount,
    orders: activity.orders,
    events: activity.events,
    segments: DEMO_SEGMENTS.length,
    templates: templates.length,
    personas: DEMO_SEGMENTS.length,
  };
}
