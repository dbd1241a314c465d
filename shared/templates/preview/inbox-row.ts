import { attribute, bodyOf, elements, headOf, textContent, tree, type Element } from './dom';
import type { DefaultTreeAdapterTypes } from 'parse5';

/** What an inbox list shows for an email before it is opened. */
export interface InboxRow {
  /** The <title> (MJML's mj-title), tokens already rendered; null when the email has none. */
  subject: string | null;
  /** The hidden preview text at the top of the body (MJML's mj-preview), as the inbox shows it; null when there is none. */
  preheader: string | null;
  /** Characters of the preheader a reader can see: padding fillers (zero-width joiners, U+034F, soft hyphens) do not count. */
  preheaderLength: number;
}

/** Characters email builders repeat after a preheader to push body text out of the inbox snippet: they show as nothing. */
const INVISIBLE = /\u034F|[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;

/** The text as an inbox shows it: fillers gone, runs of whitespace (non-breaking spaces too) one space. */
export function visibleText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
    .trim();
}

const isHidden = (element: Element): boolean => {
  const style = (attribute(element, 'style') ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('mso-hide:all') || attribute(element, 'hidden') !== undefined;
};

/**
 * The preheader is the hidden block email builders put first in the body
 * (MJML writes mj-preview as a display:none div there): the first element
 * before any visible text, if it is hidden.
 */
export function preheaderElement(body: Element): Element | undefined {
  for (const node of body.childNodes) {
    if (tree.isTextNode(node)) {
      if (visibleText(node.value) !== '') return undefined;
      continue;
    }
    if (!tree.isElementNode(node)) continue;
    return isHidden(node) ? node : undefined;
  }
  return undefined;
}

export function inboxRow(document: DefaultTreeAdapterTypes.Document): InboxRow {
  const title = [...elements(headOf(document))].find((element) => element.tagName === 'title');
  const subject = title ? visibleText(textContent(title)) : '';
  const body = bodyOf(document);
  const hidden = body ? preheaderElement(body) : undefined;
  const preheader = hidden ? visibleText(textContent(hidden)) : '';
  return {
    subject: subject === '' ? null : subject,
    preheader: preheader === '' ? null : preheader,
    preheaderLength: [...preheader].length,
  };
}
