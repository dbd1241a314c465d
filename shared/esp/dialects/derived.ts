import { liquidLiteral, isNumericCast } from './context';
import type { Filter, Operand, ValueExpr } from './ir';
import { fnv1a } from '../../templates/text-hash';

/**
 * Derived attributes: a value a dialect cannot compute (Mailchimp merge tags
 * have no arithmetic and no date formats) is computed by Tailor per contact
 * and carried in the audience CSV, like segment memberships. The converter
 * writes the attribute's tag; the expression it stands for is plain Liquid
 * over customer tokens, so the audience and the round-trip check render it
 * with Tailor's own engine and the same customer context previews use.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The Liquid text of an operand as a contact's value: a literal, or a token
 * read at the top level of the customer context. `local` resolves an
 * assigned name; it may carry only numeric casts, which every arithmetic
 * filter applies anyway. Null when the value is not the contact's alone (a
 * loop variable) or cannot be named.
 */
function operandText(operand: Operand, local: (operand: Operand) => ValueExpr): string | null {
  if (operand.kind === 'literal') return liquidLiteral(operand.value);
  if (operand.kind === 'field') return IDENTIFIER.test(operand.token) ? operand.token : null;
  if (operand.kind === 'local') {
    const resolved = local(operand);
    if (resolved.base.kind !== 'field' || !resolved.filters.every(isNumericCast)) return null;
    return operandText(resolved.base, local);
  }
  return null;
}

function filterText(filter: Filter, local: (operand: Operand) => ValueExpr): string | null {
  const args = filter.args.map((arg) => operandText(arg, local));
  if (args.some((arg) => arg === null)) return null;
  return args.length === 0 ? filter.name : `${filter.name}: ${args.join(', ')}`;
}

/**
 * The value as one Liquid expression over the contact's tokens (no braces),
 * e.g. `birth_date | date: '%B %-d'`, `1000 | minus: loyalty_points`; null
 * when it reads something that is not the contact's (a loop variable).
 * `value` has its assigned names resolved already; filter arguments are
 * resolved through `local`.
 */
export function derivedExpression(value: ValueExpr, local: (operand: Operand) => ValueExpr): string | null {
  if (value.base.kind === 'literal' && value.filters.every((filter) => filter.args.every((arg) => arg.kind === 'literal'))) return null;
  const base = operandText(value.base, local);
  if (base === null) return null;
  const filters = value.filters.map((filter) => filterText(filter, local));
  if (filters.some((filter) => filter === null)) return null;
  return [base, ...filters].join(' | ');
}

/**
 * A Mailchimp tag for a derived value (≤ 10 capitals, digits, underscores):
 * `D_`, four letters of the first token read, four characters of the
 * expression's hash (`birth_date | date: '%B %-d'` → `D_BIRT` + 4). The same
 * expression gets the same tag in every export and audience; `taken` (case
 * insensitive, any other expression's or token's tag) moves it on.
 */
export function derivedTagName(expression: string, taken: (name: string) => boolean): string {
  // The first name read: quoted text and filter names are not.
  const reads = expression.replace(/'[^']*'|"[^"]*"/g, '').replace(/\|\s*[A-Za-z_]\w*/g, '');
  const word = /[A-Za-z_][A-Za-z0-9_]*/.exec(reads)?.[0] ?? 'VALUE';
  const stem =
    word
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 4) || 'V';
  for (let salt = 0; ; salt++) {
    const hash = fnv1a(salt === 0 ? expression : `${salt}\u0000${expression}`)
      .toString(36)
      .toUpperCase()
      .padStart(4, '0')
      .slice(-4);
    const name = `D_${stem}${hash}`;
    if (!taken(name)) return name;
  }
}
