import { leadingCurrency, trailingCurrency } from './currency';
import { cellText } from './fold-text';

export interface SignedAmount {
  /** Digits and separators only. */
  body: string;
  negative: boolean;
  /** Whether a currency mark was written, and which (null when ambiguous). */
  currency: { code: string | null } | null;
}

const MINUS = /^[-\u2212]/;
const PLAIN_AMOUNT = /^[0-9](?:[0-9.,]*[0-9])?$/;
/**
 * Only a text that starts or ends with something other than digits and marks
 * can carry a currency ("kr." and "Fr." end with a dot), so plain numbers skip
 * the symbol lookup.
 */
const CURRENCY_AT_EDGE = /^[^0-9.,]|[^0-9,]$/;

/**
 * Peel signs, accounting parentheses and a currency mark off an amount, in any
 * order they come: "-12", "(12.00)", "€1.234,00", "1,234.00 USD", "CHF 12.50",
 * "-€12", "€ (12.00)", "12,50 €-". `country` (the file's) says whose "$" or "kr" it is.
 */
export function splitAmount(raw: string, country?: string): SignedAmount | { reason: string } {
  let text = cellText(raw);
  // Digits and marks from the first character to the last: no sign, parenthesis or currency to peel (the loop would change nothing).
  if (PLAIN_AMOUNT.test(text)) return { body: text, negative: false, currency: null };
  let negative = false;
  let currency: SignedAmount['currency'] = null;
  for (let changed = true; changed;) {
    changed = false;
    const before = text;
    if (text.startsWith('(') && text.endsWith(')')) {
      negative = true;
      text = text.slice(1, -1);
    } else if (MINUS.test(text) || /[-\u2212]$/.test(text)) {
      negative = true;
      text = MINUS.test(text) ? text.slice(1) : text.slice(0, -1);
    } else if (text.startsWith('+')) {
      text = text.slice(1);
    } else if (CURRENCY_AT_EDGE.test(text)) {
      const leading = leadingCurrency(text, country);
      const mark = leading ?? trailingCurrency(text, country);
      if (mark) {
        if (currency !== null && currency.code !== mark.currency) return { reason: 'two different currencies' };
        currency = { code: mark.currency };
        text = leading ? text.slice(mark.length) : text.slice(0, text.length - mark.length);
      }
    }
    text = text.trim();
    changed = text !== before && text !== '';
  }
  return { body: text, negative, currency };
}
