import { convert } from 'html-to-text';
import juice from 'juice';
import { maskLiquid } from '../../shared/templates/liquid-mask';

/**
 * Turning compiled HTML into what an inbox gets: CSS inlined and a plain-text
 * part. Both parse the whole document, so they run in a render worker
 * (see render/worker.ts), never on a host's thread.
 */

/**
 * Style blocks stay as well: a rule on a class that Liquid picks at send time
 * (`css-class="{% if vip %}vip{% endif %}"`) matches nothing here, and juice
 * would otherwise drop it along with the block.
 */
const REMOVE_STYLE_TAGS = false;

/** Inline CSS for clients that strip <style> (Gmail app, Outlook.com); media queries stay in a style tag. */
export function inlineCss(html: string): string {
  const masked = maskLiquid(html);
  const inlined = juice(masked.html, {
    preserveMediaQueries: true,
    preserveFontFaces: true,
    preserveImportant: true,
    removeStyleTags: REMOVE_STYLE_TAGS,
  });
  return masked.restore(inlined);
}

/** The plain-text part: wrapped for mail clients, images left out (their alt text is not the message). */
export const plainText = (html: string): string => convert(html, { wordwrap: 78, selectors: [{ selector: 'img', format: 'skip' }] });
