/**
 * How the preview emulates a reader's client:
 * - `light`: as designed, the template's light styles.
 * - `dark`: a client that honours the template's own dark styles (Apple Mail,
 *   iOS Mail, Outlook for Mac): `@media (prefers-color-scheme: dark)` rules
 *   apply and the canvas is dark.
 * - `partial`: a client that darkens only light backgrounds and dark text
 *   (Gmail's Android app, Outlook.com), leaving dark areas and light text as
 *   they are (partial-inversion.ts).
 * - `inverted`: a client that forces dark mode on every email by inverting all
 *   its colours (Gmail on iOS, Outlook on Windows): light backgrounds turn
 *   dark and dark ones light, while photos keep their colours.
 */
export type Appearance = 'light' | 'dark' | 'partial' | 'inverted';

export const APPEARANCES: readonly Appearance[] = ['light', 'dark', 'partial', 'inverted'];

/**
 * Rewrites the text of one <style> sheet for the preview. The renderer uses
 * the browser's own CSS parser (renderer/features/studio/previews/sheet-rewrite.ts);
 * it receives what the preview shows so it can settle colour-scheme media
 * queries and drop what would only be refused.
 */
export type SheetRewrite = (css: string, context: StyleContext) => string;

export interface StyleContext {
  appearance: Appearance;
  allowRemote: boolean;
  imagesOff: boolean;
}

/** Rewrites a style attribute that holds a url() (a section's background image, say); same parser, same rules. */
export type StyleAttributeRewrite = (declarations: string, context: StyleContext) => string;

/** Style added to every preview for the chosen appearance (our own sheet, last in the head). */
export function appearanceStyle(appearance: Appearance): string {
  switch (appearance) {
    case 'light':
      return ':root { color-scheme: light; }';
    case 'dark':
    case 'partial':
      return ':root { color-scheme: dark; }';
    case 'inverted':
      // The inversion clients apply: everything flips, then images (and anything drawn
      // from an image) flip back, so a photo is never shown as its negative.
      return [
        ':root { color-scheme: light; background: #fff; filter: invert(1) hue-rotate(180deg); }',
        'img, picture, video, [background] { filter: invert(1) hue-rotate(180deg); }',
      ].join('\n');
  }
}

/** How compare mode's marks (compare.ts) look in the frame. */
export const COMPARE_STYLE = [
  "[data-tailor-diff='block'] { outline: 2px dashed #f79009 !important; outline-offset: 1px; background-color: rgba(247, 144, 9, 0.14) !important; }",
  'mark[data-tailor-token] { background: rgba(46, 144, 250, 0.22); color: inherit; border-radius: 2px; box-shadow: 0 0 0 1px rgba(46, 144, 250, 0.7); }',
].join('\n');
