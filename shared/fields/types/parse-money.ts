import { decideDecimal } from './decimal-number';
import { type Money } from './field-type';
import { failed, parsed, type Parser } from './parse-context';
import { splitAmount } from './signed-amount';

/** An amount with an optional currency symbol or ISO code on either side. */
export const parseMoney: Parser<Money> = (raw, ctx) => {
  const amount = splitAmount(raw, ctx.defaultCountry);
  if ('reason' in amount) return failed(amount.reason);
  if (amount.body === '') return failed(amount.currency ? 'a currency without an amount' : 'empty');
  const number = decideDecimal(amount.body, ctx.decimalSeparator);
  if (!number.ok) return failed(number.reason);
  const value = amount.negative ? -number.value : number.value;
  return parsed({ amount: value === 0 ? 0 : value, currency: amount.currency?.code ?? null }, raw);
};
