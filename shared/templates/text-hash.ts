/** FNV-1a, 32 bits: a short stable fingerprint of a text, not security; shared/ runs where node:crypto does not. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A template text's fingerprint with its length: what an editor last saw, sent with a save (`templates.save` `base`). */
export const textFingerprint = (text: string): string => `${text.length}:${fnv1a(text).toString(36)}`;
