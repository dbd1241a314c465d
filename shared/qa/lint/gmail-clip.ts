/**
 * Gmail shows "[Message clipped]" and hides the rest (the unsubscribe footer
 * included) once the HTML passes about 102 KB. Counted in bytes of the HTML
 * as sent, so multi-byte characters count for what they weigh.
 */
export const GMAIL_CLIP_BYTES = 102 * 1024;
/** Close enough to clipping that a longer name or another loop item may cross it. */
export const GMAIL_CLIP_WARN_BYTES = 90 * 1024;

export const htmlBytes = (html: string): number => new TextEncoder().encode(html).length;
