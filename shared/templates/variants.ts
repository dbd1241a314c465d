import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { TemplateVariant } from '../contract/authoring-schemas';

/**
 * A/B variants. A template's variants share its source: body blocks differ
 * with `{% if variant == 'B' %}…{% endif %}` (each render sets `variant`),
 * and a variant's subject replaces the template's own (`mj-title` in MJML,
 * `title` in HTML) before compiling, so every reader of the subject (the
 * inbox row, exports) sees the variant's.
 */

/** The Liquid variable holding the variant being rendered. */
export const VARIANT_TOKEN = 'variant';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

function findElement(node: Node, names: readonly string[]): Element | null {
  if ('tagName' in node && names.includes(node.tagName)) return node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    const found = findElement(child, names);
    if (found) return found;
  }
  if ('content' in node) return findElement(node.content, names);
  return null;
}

/** Text as the content of a title element: markup characters escaped, Liquid left as written. */
const asTitleText = (subject: string): string => subject.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The source with the subject set to `subject`: the existing title's content replaced, or a title added to the head. */
export function withSubject(source: string, subject: string | null): string {
  if (subject === null) return source;
  const document = parse(source, { sourceCodeLocationInfo: true });
  const mjml = /<mjml[\s>]/i.test(source);
  const title = findElement(document, mjml ? ['mj-title'] : ['title']);
  const text = asTitleText(subject);
  const at = title?.sourceCodeLocation;
  if (at?.startTag && at.endTag) return source.slice(0, at.startTag.endOffset) + text + source.slice(at.endTag.startOffset);
  const head = findElement(document, [mjml ? 'mj-head' : 'head'])?.sourceCodeLocation?.startTag;
  const tag = mjml ? `<mj-title>${text}</mj-title>` : `<title>${text}</title>`;
  if (head) return source.slice(0, head.endOffset) + tag + source.slice(head.endOffset);
  const root = mjml ? findElement(document, ['mjml'])?.sourceCodeLocation?.startTag : undefined;
  if (root) return source.slice(0, root.endOffset) + `<mj-head>${tag}</mj-head>` + source.slice(root.endOffset);
  return mjml ? source : tag + source;
}

/** The source a variant compiles: the template's with the variant's subject. */
export const variantSource = (source: string, variant: Pick<TemplateVariant, 'subject'>): string => withSubject(source, variant.subject);

/**
 * For export: a variant's compiled HTML fixed to that variant, so the file
 * sent for B takes B's blocks wherever it is rendered. Liquid's `assign`
 * prints nothing.
 */
export const pinVariant = (html: string, name: string): string => `{% assign ${VARIANT_TOKEN} = '${name}' %}${html}`;
