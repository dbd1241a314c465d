import { html, parse, serialize, serializeOuter, type DefaultTreeAdapterTypes } from 'parse5';
import { previewCsp } from '../security/csp';
import { appearanceStyle, COMPARE_STYLE, type Appearance, type SheetRewrite, type StyleAttributeRewrite } from './preview/appearance';
import { blockSignatures, markDifferences, type CompareInput, type CompareSummary, type TokenText } from './preview/compare';
import {
  appendStyle,
  attribute,
  bodyOf,
  createElement,
  elements,
  headOf,
  setAttribute,
  textContent,
  tree,
  type Element,
} from './preview/dom';
import { placeImages, type ImagesMode } from './preview/images';
import { darkenColor, parseHexColor, toHex } from './preview/partial-inversion';
import { inboxRow, preheaderElement, type InboxRow } from './preview/inbox-row';
import { applyTextEdit, findTextEdit } from './preview/text-edit';

export type { Appearance, CompareInput, CompareSummary, ImagesMode, InboxRow, SheetRewrite, StyleAttributeRewrite, TokenText };
export { APPEARANCES } from './preview/appearance';

/** Link types that open connections no CSP directive governs (or that we never want from an email). */
const UNPOLICED_HINTS = new Set(['preconnect', 'dns-prefetch', 'prerender', 'prefetch', 'preload', 'modulepreload']);

/**
 * Nested browsing contexts. No email client shows them, and Chromium opens a
 * connection to an iframe's origin before its CSP check refuses the
 * navigation (seen in test/e2e/preview-isolation.spec.ts), so they go.
 */
const EMBEDDED_CONTEXTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'portal', 'fencedframe']);

const linkTypes = (element: Element): string[] => (attribute(element, 'rel') ?? '').toLowerCase().split(/\s+/);

/**
 * Elements a template must not keep: its own <base> (would re-point relative
 * URLs), any <meta http-equiv> (its own CSP, refresh, set-cookie...), nested
 * browsing contexts, and resource hints that connect before any policy is
 * consulted. With remote loads blocked, remote style sheets go too: they
 * would only be refused (and logged) on every render.
 */
function isForbidden(element: Element, allowRemote: boolean): boolean {
  if (element.namespaceURI !== html.NS.HTML) return false;
  if (EMBEDDED_CONTEXTS.has(element.tagName)) return true;
  switch (element.tagName) {
    case 'base':
      return true;
    case 'meta':
      return attribute(element, 'http-equiv') !== undefined;
    case 'link':
      return (
        linkTypes(element).some((type) => UNPOLICED_HINTS.has(type)) ||
        (!allowRemote && linkTypes(element).includes('stylesheet') && /^\s*(https?:)?\/\//i.test(attribute(element, 'href') ?? ''))
      );
    default:
      return false;
  }
}

function removeForbidden(root: DefaultTreeAdapterTypes.Node, allowRemote: boolean): void {
  const forbidden = [...elements(root)].filter((element) => isForbidden(element, allowRemote));
  for (const element of forbidden) tree.detachNode(element);
}

/** HTML's own colour attributes (bgcolor on tables and cells, color on font), darkened as partial inversion does. */
function darkenColorAttributes(element: Element): void {
  for (const [name, role] of [
    ['bgcolor', 'background'],
    ['color', 'text'],
  ] as const) {
    const color = parseHexColor(attribute(element, name) ?? '');
    if (color) setAttribute(element, name, toHex(darkenColor(color, role)));
  }
}

/** The policy meta preparePreview puts first in every preview's head. */
export function previewCspMeta(allowRemote: boolean): { httpEquiv: string; content: string } {
  return { httpEquiv: 'Content-Security-Policy', content: previewCsp(allowRemote) };
}

export interface PreviewOptions {
  allowRemote: boolean;
  /** 'off' shows every image as its alt text, as a client with images turned off does. Default 'on'. */
  images?: ImagesMode;
  /** Default 'light'. */
  appearance?: Appearance;
  /** Applied to the text of every <style> the template has; without it they are kept as written. */
  rewriteSheet?: SheetRewrite;
  /** Applied to every style attribute with a url() in it (background images). */
  rewriteStyleAttribute?: StyleAttributeRewrite;
  /** Compare mode: mark token text and blocks the other personas' emails do not share. */
  compare?: CompareInput;
}

export interface PreparedPreview {
  document: string;
  /** Remote <img>s the email shows (blocked unless remote loads are allowed). */
  remoteImages: number;
  inbox: InboxRow;
  /** Set in compare mode. */
  compare: CompareSummary | null;
  /** Where in `document` the inbox row's sources (the head's title, the body's preheader block) end. */
  inboxEnd: number;
}

/**
 * Prepare rendered email HTML for a sandboxed preview frame. The HTML is
 * parsed as the browser will parse it (parse5 follows the HTML standard, with
 * scripting off as in a frame without allow-scripts), so "the head" is the one
 * real head, whatever comments, late or repeated <head> tags the template
 * holds. Our CSP meta becomes its first child, before anything that could
 * load; the template's own <base>, <meta http-equiv>, frames, objects and
 * resource hints are dropped; a <base target=_blank> makes links open a new browsing context,
 * which the sandbox (no allow-popups) refuses, so a click never navigates the
 * preview to a remote page.
 *
 * The serialized result starts `<html><head><meta http-equiv=CSP`, so a
 * re-parse cannot place anything before our policy.
 */
export function previewDocument(html: string, options: PreviewOptions): string {
  return preparePreview(html, options).document;
}

/** The preview document plus what the studio shows around it: blocked images, the inbox row, compare counts. */
export function preparePreview(html: string, options: PreviewOptions): PreparedPreview {
  const { allowRemote, images = 'on', appearance = 'light', rewriteSheet, rewriteStyleAttribute, compare } = options;
  const document = parse(html, { scriptingEnabled: false });
  removeForbidden(document, allowRemote);
  const inbox = inboxRow(document);
  const remoteImages = placeImages(document, { allowRemote, images });
  const context = { appearance, allowRemote, imagesOff: images === 'off' };
  for (const element of elements(document)) {
    if (rewriteSheet && element.tagName === 'style') {
      const css = textContent(element);
      element.childNodes = [];
      tree.insertText(element, rewriteSheet(css, context));
    }
    const declarations = attribute(element, 'style');
    // Partial inversion changes colours, which any style attribute may hold; otherwise only url()s matter.
    if (rewriteStyleAttribute && declarations !== undefined && (appearance === 'partial' || /url\(/i.test(declarations)))
      setAttribute(element, 'style', rewriteStyleAttribute(declarations, context));
    if (appearance === 'partial') darkenColorAttributes(element);
  }
  const summary = compare ? markDifferences(document, compare) : null;
  appendStyle(document, appearanceStyle(appearance));
  if (compare) appendStyle(document, COMPARE_STYLE);
  // The HTML parser always creates exactly one <html> with one <head>.
  const head = headOf(document);
  const policy = previewCspMeta(allowRemote);
  const csp = createElement('meta', { 'http-equiv': policy.httpEquiv, content: policy.content });
  const base = createElement('base', { target: '_blank' });
  const first = head.childNodes[0]!;
  tree.insertBefore(head, csp, first);
  tree.insertBefore(head, base, first);
  const serialized = serialize(document);
  return { document: serialized, remoteImages, inbox, compare: summary, inboxEnd: inboxEnd(serialized, document) };
}

/** The offset in `serialized` (of `document`) past the preheader block, or past `<body` when there is none; the end if unsure. */
function inboxEnd(serialized: string, document: DefaultTreeAdapterTypes.Document): number {
  const bodyAt = serialized.indexOf('<body');
  const body = bodyOf(document);
  const preheader = body ? preheaderElement(body) : undefined;
  if (bodyAt < 0) return serialized.length;
  if (!preheader) return bodyAt;
  const outer = serializeOuter(preheader);
  const at = serialized.indexOf(outer, bodyAt);
  return at < 0 ? serialized.length : at + outer.length;
}

/**
 * The preview of `html` made from the preview of `previousHtml` (same
 * options) when the two differ only in one run of copy, a designer typing
 * (see preview/text-edit.ts): the document preparePreview would build,
 * without parsing anything. Null otherwise, and always in compare mode,
 * whose marks depend on every persona's text.
 */
export function revisePreview(
  previousHtml: string,
  previous: PreparedPreview,
  html: string,
  options: PreviewOptions,
): PreparedPreview | null {
  if (options.compare) return null;
  const edit = findTextEdit(previousHtml, html);
  if (!edit) return null;
  const document = applyTextEdit(previous.document, edit, previous.inboxEnd);
  return document === null ? null : { ...previous, document };
}

/** The inbox row and compare-mode block signatures of one persona's rendered email (no preview document built). */
export function readPreview(html: string, tokens: readonly TokenText[]): { inbox: InboxRow; blocks: Set<string> } {
  const document = parse(html, { scriptingEnabled: false });
  return { inbox: inboxRow(document), blocks: blockSignatures(document, tokens) };
}
