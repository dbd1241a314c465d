/**
 * Currency marks written next to amounts. ISO 4217 codes come from the
 * platform's own list (`Intl.supportedValuesOf`), so any code a browser knows
 * is accepted; symbols are the common ones in the exports we read. A bare "$"
 * is read as US dollars; "kr" is left without a currency (four krona/krone).
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

let isoCodes: ReadonlySet<string> | undefined;
const currencyCodes = (): ReadonlySet<string> => (isoCodes ??= new Set(Intl.supportedValuesOf('currency')));

export type CurrencyMark = { currency: string | null; length: number };

const SYMBOL_LIST = Object.keys(SYMBOLS).sort((a, b) => b.length - a.length);

/** The currency mark a text starts with, if any. */
export function leadingCurrency(text: string): CurrencyMark | null {
  const code = /^([A-Za-z]{3})(?![A-Za-z])/.exec(text)?.[1]?.toUpperCase();
  if (code && currencyCodes().has(code)) return { currency: code, length: 3 };
  const symbol = SYMBOL_LIST.find((mark) => text.startsWith(mark));
  return symbol === undefined ? null : { currency: SYMBOLS[symbol] ?? null, length: symbol.length };
}

/** The currency mark a text ends with, if any. */
export function trailingCurrency(text: string): CurrencyMark | null {
  const code = /(?<![A-Za-z])([A-Za-z]{3})$/.exec(text)?.[1]?.toUpperCase();
  if (code && currencyCodes().has(code)) return { currency: code, length: 3 };
  const symbol = SYMBOL_LIST.find((mark) => text.endsWith(mark));
  return symbol === undefined ? null : { currency: SYMBOLS[symbol] ?? null, length: symbol.length };
}
