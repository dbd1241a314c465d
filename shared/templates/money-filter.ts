import type { Liquid } from 'liquidjs';

/**
 * `{{ amount | money: 'EUR' }}` → "€1,234.50": the token dictionary's money
 * format (Shopify Liquid has a filter of the same name). A value that is not
 * a number passes through unchanged, so `| default:` still sees a missing one.
 */
export function formatMoney(value: unknown, currency: unknown = 'USD'): unknown {
  const amount = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(amount)) return value;
  const code = typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : 'USD';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(amount);
}

export function useMoneyFilter(liquid: Liquid): void {
  liquid.registerFilter('money', formatMoney);
}
