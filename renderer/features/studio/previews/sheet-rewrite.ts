import { LRUCache } from 'lru-cache';
import type { Appearance, SheetRewrite, StyleAttributeRewrite } from '../../../../shared/templates/preview-document';
import { colorRole, darkenColors } from '../../../../shared/templates/preview/partial-inversion';

/**
 * A document with no browsing context: its style sheets are parsed by the
 * browser's own CSS parser but load nothing (an @import or url() in them is
 * never fetched) and log nothing.
 */
let inert: Document | null = null;

const COLOR_SCHEME = /\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/gi;
const REMOTE_URL = /url\(\s*["']?\s*(https?:)?\/\//i;

/**
 * The media text with the colour-scheme feature settled for the preview: a
 * frame follows the reader's system, not the appearance chosen in the studio,
 * so the feature becomes a condition that always (min-width: 0) or never
 * (max-width: 0, a frame always has a width) holds.
 */
export function settleColorScheme(mediaText: string, appearance: Appearance): string {
  const scheme = appearance === 'dark' ? 'dark' : 'light';
  return mediaText.replace(COLOR_SCHEME, (_, wanted: string) =>
    wanted.toLowerCase() === scheme ? '(min-width: 0px)' : '(max-width: 0px)',
  );
}

type Context = Parameters<SheetRewrite>[1];

/** Partial inversion: each colour darkened (backgrounds) or lightened (text) by its role. */
function darkenStyle(style: CSSStyleDeclaration): void {
  for (const property of Array.from({ length: style.length }, (_, i) => style.item(i))) {
    const role = colorRole(property);
    if (role) style.setProperty(property, darkenColors(style.getPropertyValue(property), role), style.getPropertyPriority(property));
  }
}

/** Removes url() values that would only be refused (or that images-off hides). */
function stripImages(style: CSSStyleDeclaration, context: Context): void {
  for (const property of Array.from({ length: style.length }, (_, i) => style.item(i))) {
    const value = style.getPropertyValue(property);
    if (!/url\(/i.test(value)) continue;
    if (context.imagesOff || (!context.allowRemote && REMOTE_URL.test(value))) {
      if (property.endsWith('-image') || property === 'border-image-source')
        style.setProperty(property, 'none', style.getPropertyPriority(property));
      else style.removeProperty(property);
    }
  }
}

function rewriteRules(rules: CSSRuleList, context: Context): string {
  const out: string[] = [];
  for (const rule of Array.from({ length: rules.length }, (_, i) => rules[i]!)) {
    if (rule instanceof CSSImportRule) {
      if (context.allowRemote) out.push(rule.cssText);
    } else if (rule instanceof CSSMediaRule) {
      out.push(`@media ${settleColorScheme(rule.media.mediaText, context.appearance)} {\n${rewriteRules(rule.cssRules, context)}\n}`);
    } else if (rule instanceof CSSFontFaceRule) {
      if (context.allowRemote || !REMOTE_URL.test(rule.style.getPropertyValue('src'))) out.push(rule.cssText);
    } else {
      if (rule instanceof CSSStyleRule) {
        stripImages(rule.style, context);
        if (context.appearance === 'partial') darkenStyle(rule.style);
      }
      out.push(rule.cssText);
    }
  }
  return out.join('\n');
}

const cache = new LRUCache<string, string>({ max: 300 });

/**
 * The preview's SheetRewrite: parses a template's <style> with the browser,
 * settles `prefers-color-scheme` for the chosen appearance and leaves out
 * what a blocked preview would only refuse (remote @import, remote fonts,
 * remote background images), so nothing is logged per persona per render.
 * Declarations the browser cannot parse (mso- properties, hacks) are dropped:
 * this Chromium frame ignores them anyway.
 */
export const rewriteSheet: SheetRewrite = (css, context) => {
  const key = `${context.appearance}:${context.allowRemote}:${context.imagesOff}\n${css}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  inert ??= document.implementation.createHTMLDocument('');
  const style = inert.createElement('style');
  style.textContent = css;
  inert.head.append(style);
  const rewritten = style.sheet ? rewriteRules(style.sheet.cssRules, context) : css;
  style.remove();
  cache.set(key, rewritten);
  return rewritten;
};

/** The same for a style attribute: a remote background image while blocked (or any, images off) becomes none. */
export const rewriteStyleAttribute: StyleAttributeRewrite = (declarations, context) => {
  if (context.allowRemote && !context.imagesOff && context.appearance !== 'partial') return declarations;
  inert ??= document.implementation.createHTMLDocument('');
  const element = inert.createElement('div');
  element.setAttribute('style', declarations);
  const before = element.style.cssText;
  stripImages(element.style, context);
  if (context.appearance === 'partial') darkenStyle(element.style);
  // Untouched, the attribute keeps its own text (with the mso- properties the browser would drop).
  return element.style.cssText === before ? declarations : element.style.cssText;
};
