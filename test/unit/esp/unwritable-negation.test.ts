import { describe, expect, it } from 'vitest';
import { toDialect } from '../../../shared/esp/to-dialect';

/**
 * A branch whose condition the dialect cannot write is left out, with a
 * warning saying so. Under a negation (`unless`, `not`) the old rewrite
 * treated the inner test as false, so the negated branch was shown to every
 * contact while the warning said it was left out: Mailchimp cannot test
 * `contains`, and `{% unless favorite_category contains 'Sh' %}No shoes{% endunless %}`
 * printed "No shoes" to everyone.
 */
describe('a negated condition the dialect cannot write', () => {
  it('leaves the branch out, as the warning says, and keeps the else', () => {
    const out = toDialect("{% unless favorite_category contains 'Sh' %}No shoes{% else %}Shoes{% endunless %}", 'mailchimp', {});
    expect(out.warnings.map((warning) => warning.message)).toContain(
      "Mailchimp cannot test not favorite_category contains 'Sh'; this branch is left out.",
    );
    expect(out.source).toBe('Shoes');
  });

  it('a later branch of the chain still gets its test', () => {
    const out = toDialect(
      "{% if favorite_category contains 'Sh' %}A{% elsif loyalty_tier == 'Gold' %}B{% else %}C{% endif %}{% unless city contains 'x' %}D{% endunless %}",
      'mailchimp',
      {},
    );
    expect(out.source).toBe('*|IF:LOYALTY=Gold|*B*|ELSE:|*C*|END:IF|*');
  });
});
