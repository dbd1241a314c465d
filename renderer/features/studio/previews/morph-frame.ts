import morphdom from 'morphdom';
import type { TextEdit } from '../../../../shared/templates/preview/text-edit';
import { previewCspMeta } from '../../../../shared/templates/preview-document';

/**
 * Whether `doc` is still the preview document this frame was given: the
 * srcdoc it loaded, with our CSP as the first thing in its head (as
 * preparePreview puts it). A link with target=_self can navigate a preview
 * frame away, even to a studio page; nothing may be written into such a
 * document, since it would not have the preview's policy.
 */
export function isPreviewDocument(doc: Document | null): doc is Document {
  if (doc === null || doc.URL !== 'about:srcdoc' || doc.readyState !== 'complete') return false;
  // Live frames only ever show the blocking policy; a host-served frame (remote images on) is a different frame.
  const policy = previewCspMeta(false);
  const first = doc.head?.firstElementChild;
  return (
    first?.localName === 'meta' &&
    first.getAttribute('http-equiv')?.toLowerCase() === policy.httpEquiv.toLowerCase() &&
    first.getAttribute('content') === policy.content
  );
}

/**
 * Turn the preview document showing in `frame` into `html` (a document
 * preparePreview made) by changing only what differs, instead of loading it
 * anew. Loading an email into a frame is parsing, styling and laying out the
 * whole of it, 50 to 100 ms on a slow machine, six times per render; from one
 * render to the next most of an email is the same, and only what differs is
 * changed and laid out again (a few milliseconds a frame). It also keeps
 * each frame's scroll position.
 *
 * The frame must be a same-origin sandbox without scripts (see LiveFrame).
 * DOMParser builds an inert document: nothing in it loads or runs until
 * morphdom moves it into the frame, whose own CSP then applies. Returns
 * false when the frame does not hold a preview document to change: the
 * caller loads `html` as the frame's srcdoc instead.
 */
export function morphFrame(frame: HTMLIFrameElement, html: string): boolean {
  const doc = frame.contentDocument;
  if (!isPreviewDocument(doc)) return false;
  const next = new DOMParser().parseFromString(html, 'text/html');
  // An unchanged subtree is compared natively and skipped: most of an email is the same from one key to the next.
  morphdom(doc.documentElement, next.documentElement, { onBeforeElUpdated: (from, to) => !from.isEqualNode(to) });
  return true;
}

/**
 * Apply a change of one run of copy (see text-edit.ts) to the preview
 * document showing in `frame` by changing its one text node, when exactly
 * one text node holds the run as it was; false otherwise (the caller merges
 * the whole document instead).
 */
export function patchFrameText(frame: HTMLIFrameElement, edit: TextEdit): boolean {
  const doc = frame.contentDocument;
  if (!isPreviewDocument(doc) || doc.body === null) return false;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let found: Text | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if ((node as Text).data !== edit.before) continue;
    if (found !== null) return false;
    found = node as Text;
  }
  if (found === null) return false;
  found.data = edit.after;
  return true;
}
