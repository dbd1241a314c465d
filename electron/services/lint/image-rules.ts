import type { LintFinding } from '../../../shared/qa/lint-types';
import { attr, descendants, lineOf, startTag, textOf, type Element, type EmailTree } from './html-tree';

/**
 * Alt text: images are off by default in many clients, and screen readers
 * read the alt. An image without `alt` is an error. An empty alt marks a
 * decorative image, which is fine, unless the image is all a link has: then
 * the link has no name at all (MJML writes `alt=""` for an mj-image without
 * alt, so this is how a forgotten alt on a linked image shows).
 */
export function lintImages(email: EmailTree): LintFinding[] {
  const findings: LintFinding[] = [];
  const linkOf = new Map<Element, Element>();
  for (const element of email.elements)
    if (element.tagName === 'a') for (const inner of descendants(element)) if (inner.tagName === 'img') linkOf.set(inner, element);

  for (const element of email.elements) {
    if (element.tagName !== 'img') continue;
    const at = { line: lineOf(element), excerpt: startTag(email, element) };
    const alt = attr(element, 'alt');
    if (alt === undefined) {
      findings.push({ rule: 'img-alt', severity: 'error', message: 'An image has no alt text: add one that says what it shows.', ...at });
      continue;
    }
    if (alt.trim() !== '') continue;
    const link = linkOf.get(element);
    const linkHasOtherName = link
      ? textOf(link) !== '' || descendants(link).some((e) => e.tagName === 'img' && (attr(e, 'alt') ?? '').trim() !== '')
      : false;
    if (link && !linkHasOtherName)
      findings.push({
        rule: 'img-alt',
        severity: 'error',
        message: 'A linked image has empty alt text, so the link has no name when images are off: add alt text saying where it goes.',
        ...at,
      });
    else
      findings.push({
        rule: 'img-alt-decorative',
        severity: 'info',
        message: 'An image has empty alt text and is read as decorative.',
        ...at,
      });
  }
  return findings;
}
