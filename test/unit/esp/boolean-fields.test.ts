import { describe, expect, it } from 'vitest';
import type { EspId } from '../../../shared/esp/esp';
import { toDialect } from '../../../shared/esp/to-dialect';
import { evaluateDialect } from '../../../shared/esp/roundtrip/evaluate';
import type { FieldCatalogue } from '../../../shared/fields/catalogue';
import { DEFAULT_CONTEXT } from '../../../shared/fields/types/parse-context';

/**
 * A condition on a boolean field (`{% if vip %}`) in each ESP. Tailor reads
 * the field typed (false is false); the audience CSV carries it as the text
 * `true` / `false`. Where the ESP would read the text "false" as a value, the
 * test compares with true instead of testing for a value.
 */

const FIELDS: FieldCatalogue = { vip: { type: 'boolean', context: DEFAULT_CONTEXT } };
const IF_VIP = '{% if vip %}VIP{% else %}Hello{% endif %}';
const convert = (liquid: string, esp: EspId, fields: FieldCatalogue = FIELDS) => toDialect(liquid, esp, {}, { fields }).source;

describe('Braze', () => {
  it('tests a Boolean attribute with == true, unquoted (braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/conditional_logic/: "numbers/booleans unquoted")', () => {
    expect(convert(IF_VIP, 'braze')).toBe('{% if {{custom_attribute.${vip}}} == true %}VIP{% else %}Hello{% endif %}');
    expect(convert('{% unless vip %}Join{% endunless %}', 'braze')).toBe('{% if {{custom_attribute.${vip}}} != true %}Join{% endif %}');
    // A text field keeps its presence test: an empty string is not a value to Tailor.
    expect(convert(IF_VIP, 'braze', {})).toContain('!= blank');
  });
});

describe('Salesforce Marketing Cloud', () => {
  it('compares the lower-cased text with true: a Text field holds "true", a Boolean one "True", and "false" is not Empty()', () => {
    const written = convert(IF_VIP, 'sfmc');
    expect(written).toContain("%%[ IF Lowercase(@vip) == 'true' THEN ]%%VIP%%[ ELSE ]%%Hello%%[ ENDIF ]%%");
    for (const [stored, shown] of <const>[
      ['true', 'VIP'],
      ['True', 'VIP'],
      ['false', 'Hello'],
      ['False', 'Hello'],
      ['', 'Hello'],
    ])
      expect(evaluateDialect('sfmc', written, { Vip: stored }).trim(), stored).toBe(shown);
    expect(convert('{% if vip == false %}Out{% endif %}', 'sfmc')).toContain("IF Lowercase(@vip) == 'false' THEN");
  });
});

describe('Mailchimp', () => {
  it('tests the value true (*|IF:VIP=true|*, mandrill.zendesk.com … About-Dynamic-and-Conditional-Merge-Tags), since *|IF:VIP|* holds for "false" too', () => {
    const written = convert(IF_VIP, 'mailchimp');
    expect(written).toBe('*|IF:VIP=true|*VIP*|ELSE:|*Hello*|END:IF|*');
    expect(evaluateDialect('mailchimp', written, { VIP: 'false' })).toBe('Hello');
    // Not true: false or no value at all (IFNOT, so an empty field counts as not true).
    const unless = convert('{% unless vip %}Join{% endunless %}', 'mailchimp');
    expect(unless).toBe('*|IFNOT:VIP=true|*Join*|END:IF|*');
    expect(evaluateDialect('mailchimp', unless, { VIP: '' })).toBe('Join');
  });
});

describe('HubSpot and Klaviyo keep the truthiness test', () => {
  it('HubL reads the text "false" as false (Jinjava ObjectTruthValue: github.com/HubSpot/jinjava src/main/java/com/hubspot/jinjava/util/ObjectTruthValue.java)', () => {
    const written = convert(IF_VIP, 'hubspot');
    expect(written).toBe('{% if contact.vip %}VIP{% else %}Hello{% endif %}');
    for (const [stored, shown] of <const>[
      ['true', 'VIP'],
      ['false', 'Hello'],
      ['FALSE', 'Hello'],
      ['', 'Hello'],
    ])
      expect(evaluateDialect('hubspot', written, { vip: stored }), stored).toBe(shown);
    // Compared with a boolean, the property's text: HubL's EL would coerce an unset property that comes as "" to false.
    const optedOut = convert('{% if vip == false %}Out{% endif %}', 'hubspot');
    expect(optedOut).toBe("{% if contact.vip == 'false' %}Out{% endif %}");
    expect(evaluateDialect('hubspot', optedOut, { vip: '' })).toBe('');
    expect(evaluateDialect('hubspot', optedOut, { vip: 'false' })).toBe('Out');
    // `default(x, true)` replaces what Jinjava reads as false, "false" included.
    expect(evaluateDialect('hubspot', "{{ contact.vip|default('unknown', true) }}", { vip: 'false' })).toBe('unknown');
  });

  it('Klaviyo reads a typed Boolean property as Python does', () => {
    expect(convert(IF_VIP, 'klaviyo')).toBe("{% if person|lookup:'vip' %}VIP{% else %}Hello{% endif %}");
    expect(evaluateDialect('klaviyo', convert(IF_VIP, 'klaviyo'), { vip: false })).toBe('Hello');
  });
});
