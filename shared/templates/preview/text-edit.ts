/**
 * The commonest change while a designer types: a few letters in the copy of
 * an email. Re-preparing the whole preview document (parse5) and merging it
 * into the frame (DOMParser, morphdom) for that costs a few milliseconds per
 * persona per keystroke; changing one string and one text node costs almost
 * nothing. These functions recognise such a change and apply it, or say it
 * is not one (null), and the caller takes the general path. They are
 * conservative on purpose: anything near markup, entities, quotes, raw-text
 * elements or the inbox row is left to the general path.
 */

/** One text run (the whole text between a tag's `>` and the next `<`) that changed. */
export interface TextEdit {
  /** The run as it was, and as it is now. */
  before: string;
  after: string;
}

/** Characters that may change what surrounds them, or be written differently once serialised. */
const UNSAFE = /[<>&"\r\u00a0]/;

/** Elements whose content is raw text or is read elsewhere (the inbox row reads <title>). */
const RAW_PARENTS = /^<(style|script|title|textarea|noscript|xmp|iframe|noembed|noframes|plaintext)\b/i;

/**
 * The text run `previous` and `next` differ in, when they differ in exactly
 * one run and nowhere else: the same markup before and after it.
 */
export function findTextEdit(previous: string, next: string): TextEdit | null {
  if (previous === next) return null;
  const shorter = Math.min(previous.length, next.length);
  let start = 0;
  while (start < shorter && previous.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && previous.charCodeAt(previous.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  // The run around the change: after the last `>` before it, up to the first `<` after it.
  const open = Math.max(previous.lastIndexOf('>', start - 1), previous.lastIndexOf('<', start - 1));
  if (open < 0 || previous[open] !== '>') return null;
  const closeBefore = indexOfMarkup(previous, start);
  const closeAfter = indexOfMarkup(next, start);
  if (closeBefore < 0 || previous[closeBefore] !== '<' || closeBefore < previous.length - end) return null;
  if (closeAfter < 0 || next[closeAfter] !== '<' || closeAfter < next.length - end) return null;
  // The same markup follows in both, so the runs end at the same place counted from the end.
  if (previous.length - closeBefore !== next.length - closeAfter) return null;
  const before = previous.slice(open + 1, closeBefore);
  const after = next.slice(open + 1, closeAfter);
  if (UNSAFE.test(before) || UNSAFE.test(after)) return null;
  // Text appearing where only whitespace was (between table tags, say) can be moved by the parser.
  if (before.trim() === '' || after.trim() === '') return null;
  const tagStart = previous.lastIndexOf('<', open);
  if (tagStart < 0 || RAW_PARENTS.test(previous.slice(tagStart, open + 1))) return null;
  return { before, after };
}

/** First `<` or `>` at or after `from`; -1 if none. */
function indexOfMarkup(text: string, from: number): number {
  const lt = text.indexOf('<', from);
  const gt = text.indexOf('>', from);
  if (lt < 0) return gt;
  if (gt < 0) return lt;
  return Math.min(lt, gt);
}

/**
 * `document` (a prepared preview of the email before the edit) with the edit
 * applied, or null unless the run appears in it exactly once as a whole run,
 * after `inboxEnd`: before it are the title and the preheader block, which
 * the inbox row reads, so an edit there changes more than the frame.
 */
export function applyTextEdit(document: string, edit: TextEdit, inboxEnd: number): string | null {
  const needle = `>${edit.before}<`;
  const at = document.indexOf(needle);
  if (at < inboxEnd || document.indexOf(needle, at + 1) >= 0) return null;
  return `${document.slice(0, at + 1)}${edit.after}${document.slice(at + 1 + edit.before.length)}`;
}
