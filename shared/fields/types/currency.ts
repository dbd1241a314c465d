/**
 * Currency marks written next to amounts. ISO 4217 codes come from the
 * platform's own list (`Intl.supportedValuesOf`), so any code a browser knows
 * is accepted; symbols are the common ones in the exports we read. A bare "$"
 * or "kr" is the file's country's dollar or krona/krone (US dollars, and no
 * currency for "kr", when the country does not say).
 */
const SYMBOLS: Readonly<Record<string, string | null>> = {
  '€': 'EUR',
  $: 'USD',
  US$: 'USD',
  U$S: 'USD',
  CA$: 'CAD',
  C$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  MX$: 'MXN',
  R$: 'BRL',
  '£': 'GBP',
  '¥': 'JPY',
  '￥': 'JPY',
  '₹': 'INR',
  '₽': 'RUB',
  '₩': 'KRW',
  '₺': 'TRY',
  '₪': 'ILS',
  '₫': 'VND',
  '฿': 'THB',
  '₱': 'PHP',
  '₴': 'UAH',
  zł: 'PLN',
  Kč: 'CZK',
  Ft: 'HUF',
  'Fr.': 'CHF',
  'kr.': null,
  kr: null,
};

/** Whose "$" and "kr" a file means, by its default country. */
const BY_COUNTRY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  $: { CA: 'CAD', AU: 'AUD', NZ: 'NZD', MX: 'MXN', SG: 'SGD', HK: 'HKD', AR: 'ARS', CL: 'CLP', CO: 'COP' },
  kr: { SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK' },
  'kr.': { SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK' },
};

let isoCodes: ReadonlySet<string> | undefined;
const currencyCodes = (): ReadonlySet<string> => (isoCodes ??= new Set(Intl.supportedValuesOf('currency')));

export type CurrencyMark = { currency: string | null; length: number };

const SYMBOL_LIST = Object.keys(SYMBOLS).sort((a, b) => b.length - a.length);

const symbolMark = (symbol: string | undefined, country: string | undefined): CurrencyMark | null => {
  if (symbol === undefined) return null;
  const local = country === undefined ? undefined : BY_COUNTRY[symbol]?.[country.toUpperCase()];
  return { currency: local ?? SYMBOLS[symbol] ?? null, length: symbol.length };
};

/** The currency mark a text starts with, if any; `country` says whose "$" or "kr" it is. */
export function leadingCurrency(text: string, country?: string): CurrencyMark | null {
  const code = /^([A-Za-z]{3})(?![A-Za-z])/.exec(text)?.[1]?.toUpperCase();
  if (code && currencyCodes().has(code)) return { currency: code, length: 3 };
  return symbolMark(
    SYMBOL_LIST.find((mark) => text.startsWith(mark)),
    country,
  );
}

/** The currency mark a text ends with, if any. */
export function trailingCurrency(text: string, country?: string): CurrencyMark | null {
  const code = /(?<![A-Za-z])([A-Za-z]{3})$/.exec(text)?.[1]?.toUpperCase();
  if (code && currencyCodes().has(code)) return { currency: code, length: 3 };
  return symbolMark(
    SYMBOL_LIST.find((mark) => text.endsWith(mark)),
    country,
  );
}
