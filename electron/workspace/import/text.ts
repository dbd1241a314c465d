/** Number and wording helpers shared by every message an import writes. */

export const fmt = (n: number): string => n.toLocaleString('en-US');
export const plural = (n: number, one: string, many: string): string => `${fmt(n)} ${n === 1 ? one : many}`;

/** Rejected rows are kept verbatim up to this length, enough to see what is wrong. */
export const MAX_RAW_CHARS = 10_000;

export function trimRaw(text: string): string {
  const raw = text.replace(/\r?\n$|\r$/, '');
  return raw.length > MAX_RAW_CHARS ? `${raw.slice(0, MAX_RAW_CHARS)}… (${fmt(raw.length - MAX_RAW_CHARS)} more characters)` : raw;
}

/** A problem with the file as a whole: nothing is imported and the message says why. */
export class FileProblem extends Error {}
