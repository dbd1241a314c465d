import type { Customer } from '../../../shared/contract/schemas';
import type { CustomerMatch } from '../../../shared/contract/studio-schemas';
import { displayName } from '../../../shared/templates/customer-context';

const MAX = 80;

/**
 * A persona's default label says who it is: the customer's name, plus what
 * the search found them by when that was another field ("Ana Silva · Gold",
 * "Li Wei · Lyon"), so three personas read as three different people rather
 * than three ids. Labels are capped at the contract's 80 characters.
 */
export function personaLabel(customer: Customer, matched: CustomerMatch['matched'] = null): string {
  const name = displayName(customer);
  const detail = matched && matched.field !== 'email' && matched.field !== 'id' ? matched.value.trim() : '';
  const label = detail && detail.toLowerCase() !== name.toLowerCase() ? `${name} · ${detail}` : name;
  return label.length > MAX ? `${label.slice(0, MAX - 1)}…` : label;
}

/** One line about a customer for pickers: name, email and id, without repeating what is the same. */
export function customerSummary(customer: Customer): string {
  const name = displayName(customer);
  return [name, customer.email && customer.email !== name ? customer.email : null, customer.id !== name ? customer.id : null]
    .filter(Boolean)
    .join(' · ');
}
