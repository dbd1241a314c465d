import iconv from 'iconv-lite';

/** Single-byte code pages UTF-8 text is most often misread as. */
const MISREAD_AS = ['windows-1252', 'latin1', 'macintosh'] as const;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when `candidate` looks like `existing` damaged by a wrong decode: the
 * UTF-8 bytes of `existing` read in a single-byte code page ("Zoë" → "ZoÃ«"),
 * or `existing` with letters replaced by U+FFFD. Such a value must never
 * replace the good one.
 */
export function isMojibakeOf(candidate: string, existing: string): boolean {
  // Plain ASCII reads the same in every one of these code pages: nothing to damage.
  if (candidate === existing || Buffer.byteLength(existing, 'utf8') === existing.length) return false;
  if (candidate.includes('\uFFFD') && !existing.includes('\uFFFD')) {
    const pattern = candidate
      .split(/\uFFFD+/)
      .map(escapeRegExp)
      .join('.+');
    if (new RegExp(`^${pattern}$`, 'su').test(existing)) return true;
  }
  const bytes = Buffer.from(existing, 'utf8');
  return MISREAD_AS.some((encoding) => iconv.decode(bytes, encoding) === candidate);
}
