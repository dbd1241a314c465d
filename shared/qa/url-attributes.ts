import { defaultTreeAdapter as tree, parse, type DefaultTreeAdapterTypes } from 'parse5';

export interface UrlAttribute {
  /** `href` or `src`. */
  name: string;
  /** The value as compiled, Liquid included. */
  value: string;
  /** Whether it holds Liquid, so it can differ per recipient. */
  dynamic: boolean;
}

const URL_ATTRIBUTES = new Set(['href', 'src']);

/**
 * Every distinct link and image address of the compiled email, read from its
 * parsed HTML (Liquid between elements is text to parse5, so the tree holds).
 * Bulk QA renders only the dynamic ones per recipient: a static address is
 * the same for everyone and is checked once.
 */
export function urlAttributes(html: string): UrlAttribute[] {
  const seen = new Map<string, UrlAttribute>();
  const walk = (node: DefaultTreeAdapterTypes.ParentNode) => {
    for (const child of tree.getChildNodes(node)) {
      if (tree.isElementNode(child)) {
        for (const attr of child.attrs) {
          if (!URL_ATTRIBUTES.has(attr.name)) continue;
          const key = `${attr.name}\u0000${attr.value}`;
          if (!seen.has(key)) seen.set(key, { name: attr.name, value: attr.value, dynamic: /{{|{%/.test(attr.value) });
        }
      }
      if ('childNodes' in child) walk(child);
    }
  };
  walk(parse(html));
  return [...seen.values()];
}
