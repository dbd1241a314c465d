import { defaultTreeAdapter as tree, html, type DefaultTreeAdapterTypes } from 'parse5';

export type Node = DefaultTreeAdapterTypes.Node;
export type ParentNode = DefaultTreeAdapterTypes.ParentNode;
export type Element = DefaultTreeAdapterTypes.Element;
export type TextNode = DefaultTreeAdapterTypes.TextNode;

export { tree };

export const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

export function setAttribute(element: Element, name: string, value: string): void {
  const existing = element.attrs.find((attr) => attr.name === name);
  if (existing) existing.value = value;
  else element.attrs.push({ name, value });
}

export function removeAttribute(element: Element, name: string): void {
  element.attrs = element.attrs.filter((attr) => attr.name !== name);
}

export function createElement(tagName: string, attrs: Record<string, string>): Element {
  return tree.createElement(
    tagName,
    html.NS.HTML,
    Object.entries(attrs).map(([name, value]) => ({ name, value })),
  );
}

export const isHtmlElement = (node: Node): node is Element => tree.isElementNode(node) && node.namespaceURI === html.NS.HTML;

export function findChild(parent: ParentNode, tagName: string): Element | undefined {
  return parent.childNodes.find((node): node is Element => tree.isElementNode(node) && node.tagName === tagName);
}

/** Every element under `root` in document order (template contents included). */
export function* elements(root: Node): Generator<Element> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (tree.isElementNode(node)) yield node;
    const children: Node[] = 'childNodes' in node ? [...node.childNodes] : [];
    if ('content' in node) children.push(node.content);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The text a node shows, concatenated (no layout: whitespace is collapsed by the caller). */
export function textContent(node: Node): string {
  if (tree.isTextNode(node)) return node.value;
  if (!('childNodes' in node)) return '';
  return node.childNodes.map(textContent).join('');
}

/** Appends `element` as the last child of the document's head (parse5 always gives one). */
export function headOf(document: DefaultTreeAdapterTypes.Document): Element {
  return findChild(findChild(document, 'html')!, 'head')!;
}

export function bodyOf(document: DefaultTreeAdapterTypes.Document): Element | undefined {
  return findChild(findChild(document, 'html')!, 'body');
}

export function appendStyle(document: DefaultTreeAdapterTypes.Document, css: string): void {
  const style = createElement('style', { 'data-tailor': '' });
  tree.insertText(style, css);
  tree.appendChild(headOf(document), style);
}
