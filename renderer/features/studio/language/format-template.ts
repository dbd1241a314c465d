import * as liquidPlugin from '@shopify/prettier-plugin-liquid/standalone';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import * as htmlPlugin from 'prettier/plugins/html';
import * as prettier from 'prettier/standalone';
import { createLiquid, liquidDiagnostic } from '../../../../shared/templates/liquid-engine';

type Node = DefaultTreeAdapterMap['childNode'];

/**
 * MJML components whose content is email copy: whitespace there is visible
 * ("Hi {{ first_name }}!" must not become "Hi Ana !"), so they are kept as
 * written while the structure around them is indented.
 */
const COPY_ELEMENTS = new Set([
  'mj-text',
  'mj-button',
  'mj-title',
  'mj-preview',
  'mj-raw',
  'mj-table',
  'mj-style',
  'mj-navbar-link',
  'mj-social-element',
  'mj-accordion-title',
  'mj-accordion-text',
]);
const liquid = createLiquid({ partials: () => '' });
const IGNORE = '<!-- prettier-ignore -->';

/** Offsets where a copy element starts, from the parsed markup (parse5 keeps unknown elements and their positions). */
function copyElementStarts(source: string): number[] {
  const starts: number[] = [];
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (!('tagName' in node)) continue;
      if (COPY_ELEMENTS.has(node.tagName) && node.sourceCodeLocation) starts.push(node.sourceCodeLocation.startOffset);
      else visit(node.childNodes);
    }
  };
  visit(parseFragment(source, { sourceCodeLocationInfo: true }).childNodes);
  return starts;
}

/**
 * Format document: Shopify's Liquid printer for Prettier. For MJML, elements
 * are blocks (every component on its own line) except the copy elements,
 * which stay exactly as written; for raw HTML, Prettier's CSS-based rules keep
 * inline whitespace as it renders. Throws Prettier's message (with its line)
 * when the template cannot be parsed, and changes nothing then.
 */
export async function formatTemplate(source: string): Promise<string> {
  // Prettier's Liquid parser "repairs" an unclosed block by closing it somewhere: format only what our engine reads.
  try {
    liquid.parse(source);
  } catch (error) {
    const problem = liquidDiagnostic(error);
    throw new Error(`Fix the template first (${problem.line !== null ? `line ${problem.line}: ` : ''}${problem.message})`);
  }
  const mjml = /^\s*(<!--[\s\S]*?-->\s*)*<mjml[\s>]/.test(source);
  let input = source;
  const marked: number[] = [];
  if (mjml) {
    for (const start of copyElementStarts(source).reverse()) {
      if (source.slice(0, start).trimEnd().endsWith(IGNORE)) continue;
      input = `${input.slice(0, start)}${IGNORE}${input.slice(start)}`;
      marked.push(start);
    }
  }
  const formatted = await prettier.format(input, {
    parser: 'liquid-html',
    plugins: [htmlPlugin, liquidPlugin],
    printWidth: 120,
    tabWidth: 2,
    htmlWhitespaceSensitivity: mjml ? 'ignore' : 'css',
    // Double quotes, as Insert field and the quick fixes write them.
    liquidSingleQuote: false,
  });
  if (marked.length === 0) return formatted;
  // Take out the markers this function added, each with the line it now sits on.
  let count = marked.length;
  return formatted.replace(/^[ \t]*<!-- prettier-ignore -->[ \t]*\n?(?=[ \t]*<mj-)/gm, (match) => (count-- > 0 ? '' : match));
}
