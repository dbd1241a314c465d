import type { LintFinding } from '../../../shared/qa/lint-types';
import { attr, textOf, type EmailTree } from './html-tree';

/** Words an unsubscribe link says or points to, in the languages the field synonyms cover. */
const UNSUBSCRIBE =
  /unsubscribe|opt[-_ ]?out|se d[ée]sabonner|d[ée]sinscri|abmelden|abbestellen|darse de baja|cancelar suscripci|disiscriv|annulla(re)? l'iscrizione|afmelden|uitschrijven|descadastr/i;

/**
 * Bulk mail needs a visible way out (CAN-SPAM, GDPR, and Gmail's and Yahoo's
 * sender rules since 2024). A link whose text or address says unsubscribe, or
 * an ESP's unsubscribe merge tag left in place, counts.
 */
export function lintUnsubscribe(email: EmailTree): LintFinding[] {
  const found = email.elements.some((element) => {
    if (element.tagName !== 'a') return false;
    const href = attr(element, 'href') ?? '';
    return UNSUBSCRIBE.test(href) || UNSUBSCRIBE.test(textOf(element)) || /unsub/i.test(href);
  });
  return found
    ? []
    : [
        {
          rule: 'unsubscribe',
          severity: 'error',
          message: 'No unsubscribe link: add one in the footer (your ESP’s unsubscribe merge tag, or a link that says Unsubscribe).',
          line: null,
          excerpt: null,
        },
      ];
}
