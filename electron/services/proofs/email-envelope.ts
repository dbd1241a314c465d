import { defaultTreeAdapter as tree, parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export interface EmailEnvelope {
  /** The rendered `<title>` (MJML's mj-title), or null. */
  subject: string | null;
  /** The hidden text MJML's mj-preview puts first in the body, or null. */
  preheader: string | null;
}

const text = (node: Node): string => {
  if (tree.isTextNode(node)) return node.value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
};
const clean = (value: string): string | null => value.replace(/\s+/g, ' ').trim() || null;

function find(node: Node, match: (element: Element) => boolean): Element | null {
  if (tree.isElementNode(node) && match(node)) return node;
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const found = find(child, match);
    if (found) return found;
  }
  return null;
}

const isHidden = (element: Element): boolean => element.attrs.some((a) => a.name === 'style' && /display\s*:\s*none/i.test(a.value));

/** Subject and preheader of a rendered email, as an inbox list shows them. */
export function emailEnvelope(html: string): EmailEnvelope {
  const document = parse(html);
  const title = find(document, (element) => element.tagName === 'title');
  const body = find(document, (element) => element.tagName === 'body');
  // The preheader is a hidden block before any visible content, which is where mj-preview (and most ESP editors) put it.
  const first = body?.childNodes.find((node) => tree.isElementNode(node) || clean(text(node)) !== null);
  const preheader = first && tree.isElementNode(first) && isHidden(first) ? clean(text(first)) : null;
  return { subject: title ? clean(text(title)) : null, preheader };
}
