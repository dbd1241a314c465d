import { decideDecimal } from './decimal-number';
import { failed, parsed, type Parser } from './parse-context';
import { splitAmount } from './signed-amount';

/** A plain number in the file's locale; an amount with a currency is money, not a number. */
export const parseNumber: Parser<number> = (raw, ctx) => {
  const amount = splitAmount(raw);
  if ('reason' in amount) return failed(amount.reason);
  if (amount.currency) return failed('has a currency: type the field as money');
  if (amount.body === '') return failed('empty');
  const number = decideDecimal(amount.body, ctx.decimalSeparator);
  if (!number.ok) return failed(number.reason);
  const value = amount.negative ? -number.value : number.value;
  return parsed(value === 0 ? 0 : value, raw);
};
