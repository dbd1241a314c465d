import { describe, expect, it } from 'vitest';
import { toDialect } from '../../../shared/esp/to-dialect';
import { evaluateDialect } from '../../../shared/esp/roundtrip/evaluate';

/**
 * A Django filter argument may be a variable with dots (`default:person.first_name`,
 * docs.djangoproject.com/en/stable/ref/templates/language/#filters). The Klaviyo
 * evaluator read only `person` as the argument and applied `.first_name` to the
 * filter's result, so `{{ last_name | default: first_name }}` printed nothing
 * and the round trip reported a difference the export does not have.
 */
describe('Klaviyo evaluator, a dotted filter argument', () => {
  it('reads person.first_name as the argument', () => {
    const written = toDialect('{{ last_name | default: first_name }}', 'klaviyo', {}).source;
    expect(written).toBe('{{ person.last_name|default:person.first_name }}');
    expect(evaluateDialect('klaviyo', written, { last_name: 'Szendrei', first_name: 'Jette' })).toBe('Szendrei');
    expect(evaluateDialect('klaviyo', written, { last_name: '', first_name: 'Jette' })).toBe('Jette');
  });
});
