import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../shared/fields/types/parse-email';
import { DEFAULT_CONTEXT } from '../../shared/fields/types/parse-context';

/** Plain ASCII addresses skip the URL parser; what they read as must be what it gives (the domain's hostname form). */
describe('plain ASCII email addresses', () => {
  it('read as the URL parser reads their domain, and anything else still goes through it', () => {
    const plain = ['A.B@EXAMPLE.COM', 'a%b+c_d-e@Mail.Example.org', 'x@ab--cd.com', `${'a'.repeat(64)}@x.com`];
    for (const email of plain) {
      const at = email.lastIndexOf('@');
      const hostname = new URL(`http://${email.slice(at + 1)}`).hostname;
      expect(parseEmail(email, DEFAULT_CONTEXT)).toMatchObject({ ok: true, value: `${email.slice(0, at)}@${hostname}` });
    }
    expect(parseEmail(`${'a'.repeat(65)}@x.com`, DEFAULT_CONTEXT).ok).toBe(false);
    expect(parseEmail('a@xn--zz.com', DEFAULT_CONTEXT).ok).toBe(false);
    expect(parseEmail(`a@${'b'.repeat(64)}.com`, DEFAULT_CONTEXT).ok).toBe(false);
    expect(parseEmail('a@Bücher.de', DEFAULT_CONTEXT)).toMatchObject({ ok: true, value: 'a@bücher.de' });
  });
});
