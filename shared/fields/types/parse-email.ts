import { failed, parsed, type Parser } from './parse-context';

/**
 * RFC 6531 local parts: letters and digits of any script (so "josé" and
 * "Дмитрий" are valid) plus the RFC 5322 atom symbols; dots only between atoms.
 */
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The ASCII (punycode) form of a domain, through the platform's URL parser,
 * which applies IDNA the way browsers do: "Bücher.de" → "xn--bcher-kva.de".
 */
function asciiDomain(domain: string): string | null {
  if (/[\s/\\?#@:[\]%]/.test(domain)) return null;
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
}

/**
 * The plain ASCII addresses nearly every row holds, in a shape the checks below always accept (atoms
 * separated by single dots; LDH labels, none punycode; a letters-only top-level domain), where the URL
 * parser's hostname is the domain lowercased: read without it (an import types every customer's email).
 */
const PLAIN_ASCII = /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** An email address, internationalised ones included; the domain is lowercased. */
export const parseEmail: Parser<string> = (raw) => {
  const text = raw.trim();
  if (text === '') return failed('empty');
  const at = text.lastIndexOf('@');
  if (at < 0) return failed('no @');
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  if (at <= 64 && text.length <= 254 && !domain.includes('xn--') && PLAIN_ASCII.test(text)) return parsed(`${local}@${domain}`, raw);
  if (local === '' || [...local].length > 64 || !LOCAL_PART.test(local)) return failed(`"${local}" is not a valid part before the @`);
  const ascii = asciiDomain(domain);
  const labels = ascii?.split('.') ?? [];
  const tld = labels[labels.length - 1] ?? '';
  if (
    !ascii ||
    ascii.length > 253 ||
    labels.length < 2 ||
    !labels.every((label) => ASCII_LABEL.test(label)) ||
    !/^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/.test(tld)
  ) {
    return failed(`"${domain}" is not a valid domain`);
  }
  return parsed(`${local}@${domain}`, raw);
};
