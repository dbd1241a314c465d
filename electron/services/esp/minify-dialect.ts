import { minify } from 'html-minifier-terser';

/**
 * Every dialect's personalization syntax, kept byte for byte by the minifier
 * (inside attributes too): Liquid and HubL/Django tags, AMPscript blocks and
 * personalization strings, Mailchimp merge tags.
 */
const DIALECT_FRAGMENTS = [
  /\{\{[\s\S]*?\}\}/,
  /\{%[\s\S]*?%\}/,
  /\{#[\s\S]*?#\}/,
  /%%\[[\s\S]*?\]%%/,
  /%%=[\s\S]*?=%%/,
  /%%[A-Za-z_]\w*%%/,
  /\*\|[\s\S]*?\|\*/,
];

/** Smaller HTML for ESPs with size limits; conditional comments (Outlook) stay, whitespace collapses conservatively. */
export async function minifyDialect(html: string): Promise<string> {
  return minify(html, {
    collapseWhitespace: true,
    conservativeCollapse: true,
    removeComments: true,
    minifyCSS: true,
    ignoreCustomFragments: DIALECT_FRAGMENTS,
    keepClosingSlash: true,
  });
}
