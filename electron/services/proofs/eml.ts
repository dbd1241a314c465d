import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmlInput {
  subject: string;
  html: string;
  text: string;
  /** The persona's address, or a placeholder when the customer has none. */
  to: string;
  date: Date;
}

/** Proofs never leave the machine: a reserved domain (RFC 2606) so nobody replies to a real address. */
export const PROOF_SENDER = 'Tailor proof <proof@tailor.invalid>';

/**
 * A standalone RFC 5322 message (multipart/alternative: plain text, then
 * HTML) that any mail client opens as a received email, subject in the
 * header and the preheader first in the body, where MJML put it.
 */
export async function buildEml(input: EmlInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: PROOF_SENDER,
    to: input.to,
    subject: input.subject,
    date: input.date,
    text: input.text,
    html: input.html,
    headers: { 'X-Tailor-Proof': 'yes' },
  });
  return composer.compile().build();
}
