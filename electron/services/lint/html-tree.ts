import { defaultTreeAdapter as tree, parse, type DefaultTreeAdapterTypes } from 'parse5';

export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

/** A parsed email: its elements in document order, with their 1-based source lines. */
export interface EmailTree {
  readonly elements: readonly Element[];
  readonly html: string;
}

/** Parses the HTML as a mail client's browser engine would, keeping where each element starts. */
export function parseEmail(html: string): EmailTree {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const elements: Element[] = [];
  const walk = (node: Node): void => {
    if (tree.isElementNode(node)) elements.push(node);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child);
  };
  walk(document);
  return { elements, html };
}

export const attr = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;

export const lineOf = (element: Element): number | null => element.sourceCodeLocation?.startLine ?? null;

/** The element's start tag as written, shortened: what a finding shows the author. */
export function startTag(tree: EmailTree, element: Element, max = 160): string {
  const location = element.sourceCodeLocation?.startTag;
  const text = location ? tree.html.slice(location.startOffset, location.endOffset) : `<${element.tagName}>`;
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Visible text inside an element (scripts and styles aside), whitespace collapsed. */
export function textOf(element: Element): string {
  let text = '';
  const walk = (node: Node): void => {
    if (tree.isTextNode(node)) text += node.value;
    else if (tree.isElementNode(node) && (node.tagName === 'style' || node.tagName === 'script')) return;
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(element);
  return text.replace(/\s+/g, ' ').trim();
}

/** Descendant elements of `element`, in document order. */
export function descendants(element: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: Node): void => {
    for (const child of 'childNodes' in node ? node.childNodes : []) {
      if (tree.isElementNode(child)) found.push(child);
      walk(child);
    }
  };
  walk(element);
  return found;
}
