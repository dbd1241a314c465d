import { defaultTreeAdapter as tree, html, parse, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { previewCsp } from '../security/csp';

type Node = DefaultTreeAdapterTypes.Node;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Link types that open connections no CSP directive governs (or that we never want from an email). */
const UNPOLICED_HINTS = new Set(['preconnect', 'dns-prefetch', 'prerender', 'prefetch', 'preload', 'modulepreload']);

const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

/**
 * Nested browsing contexts. No email client shows them, and Chromium opens a
 * connection to an iframe's origin before its CSP check refuses the
 * navigation (seen in test/e2e/preview-isolation.spec.ts), so they go.
 */
const EMBEDDED_CONTEXTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'portal', 'fencedframe']);

/**
 * Elements a template must not keep: its own <base> (would re-point relative
 * URLs), any <meta http-equiv> (its own CSP, refresh, set-cookie...), nested
 * browsing contexts, and resource hints that connect before any policy is
 * consulted.
 */
function isForbidden(element: Element): boolean {
  if (element.namespaceURI !== html.NS.HTML) return false;
  if (EMBEDDED_CONTEXTS.has(element.tagName)) return true;
  switch (element.tagName) {
    case 'base':
      return true;
    case 'meta':
      return attribute(element, 'http-equiv') !== undefined;
    case 'link':
      return (attribute(element, 'rel') ?? '')
        .toLowerCase()
        .split(/\s+/)
        .some((type) => UNPOLICED_HINTS.has(type));
    default:
      return false;
  }
}

function childrenOf(node: Node): Node[] {
  const children: Node[] = 'childNodes' in node ? [...node.childNodes] : [];
  // <template> contents live in a separate fragment; clean them too, they are serialized back.
  if ('content' in node) children.push(node.content);
  return children;
}

const isRemoteImage = (element: Element): boolean => element.tagName === 'img' && /^\s*https?:/i.test(attribute(element, 'src') ?? '');

/** Removes what a preview must not keep; returns how many remote <img>s remain (for the "blocked" badge). */
function removeForbidden(root: Node): number {
  let remoteImages = 0;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (tree.isElementNode(node) && isForbidden(node)) {
      tree.detachNode(node);
      continue;
    }
    if (tree.isElementNode(node) && isRemoteImage(node)) remoteImages += 1;
    stack.push(...childrenOf(node));
  }
  return remoteImages;
}

function findChild(parent: ParentNode, tagName: string): Element | undefined {
  return parent.childNodes.find((node): node is Element => tree.isElementNode(node) && node.tagName === tagName);
}

function element(tagName: string, attrs: Record<string, string>): Element {
  return tree.createElement(
    tagName,
    html.NS.HTML,
    Object.entries(attrs).map(([name, value]) => ({ name, value })),
  );
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
export function previewDocument(html: string, options: { allowRemote: boolean }): string {
  return preparePreview(html, options).document;
}

/** previewDocument, plus the number of remote images the email shows (blocked unless remote loads are allowed). */
export function preparePreview(html: string, { allowRemote }: { allowRemote: boolean }): { document: string; remoteImages: number } {
  const document = parse(html, { scriptingEnabled: false });
  const remoteImages = removeForbidden(document);
  // The HTML parser always creates exactly one <html> with one <head>.
  const root = findChild(document, 'html')!;
  const head = findChild(root, 'head')!;
  const csp = element('meta', { 'http-equiv': 'Content-Security-Policy', content: previewCsp(allowRemote) });
  const base = element('base', { target: '_blank' });
  const first = head.childNodes[0];
  if (first) {
    tree.insertBefore(head, csp, first);
    tree.insertBefore(head, base, first);
  } else {
    tree.appendChild(head, csp);
    tree.appendChild(head, base);
  }
  return { document: serialize(document), remoteImages };
}
