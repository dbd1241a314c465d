import emailSpellChecker from '@zootools/email-spell-checker';
import { parseEmail } from '../../fields/types';
import type { Finding } from '../finding';

/**
 * The plain ASCII addresses nearly every row holds, in a shape the catalogue's
 * parser always accepts (atoms separated by single dots; LDH labels; a
 * letters-only top-level domain). Anything else takes the parser's slower
 * path, which handles internationalised addresses through IDNA.
 */
const PLAIN_ASCII = /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Email syntax through the field catalogue's parser, so what validation accepts is what typing stores. */
export function checkEmailSyntax(email: string): Finding | null {
  if (email.length <= 254 && email.indexOf('@') <= 64 && PLAIN_ASCII.test(email)) return null;
  const result = parseEmail(email, { decimalSeparator: '.', thousandsSeparator: ',', dateOrder: 'month-first' });
  return result.ok ? null : { rule: 'email_syntax', message: `"${email}" is not a valid email address (${result.reason})` };
}

/** Suggestions depend on the domain alone; customers share a few domains, so a small cache saves most lookups. */
const suggestions = new Map<string, string | null>();
const MAX_CACHED = 10_000;

function suggestedDomain(domain: string): string | null {
  const cached = suggestions.get(domain);
  if (cached !== undefined) return cached;
  const suggestion = emailSpellChecker.run({ email: `x@${domain}` });
  const result = suggestion !== undefined && suggestion.domain !== domain ? suggestion.domain : null;
  if (suggestions.size >= MAX_CACHED) suggestions.clear();
  suggestions.set(domain, result);
  return result;
}

/** A domain one or two letters from a common one (gmial.com → gmail.com), with the corrected address. */
export function checkEmailTypo(email: string): Finding | null {
  const at = email.lastIndexOf('@');
  if (at <= 0) return null;
  const domain = email.slice(at + 1).toLowerCase();
  if (domain === '') return null;
  const better = suggestedDomain(domain);
  if (better === null) return null;
  const suggestion = `${email.slice(0, at)}@${better}`;
  return { rule: 'email_typo', message: `"${domain}" looks like a typo; did you mean ${suggestion}?`, suggestion };
}
