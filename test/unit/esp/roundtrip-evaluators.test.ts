import { describe, expect, it } from 'vitest';
import type { EspId } from '../../../shared/esp/esp';
import { evaluateDialect, RoundTripUnsupported, type EspProfile } from '../../../shared/esp/roundtrip/evaluate';

/**
 * The evaluators read the dialect text of the research file's golden table
 * (../shared/research/esp-dialects.md §7), written by hand here, and must
 * give what the vendor's documentation says the contact sees.
 */

const GOLD: EspProfile = {
  first_name: 'Ada',
  loyalty_tier: 'gold',
  points: 150,
  favorite_categories: ['Shoes', 'Bags'],
  referral_code: 'a b&c',
};
const EMPTY: EspProfile = { first_name: '', loyalty_tier: 'bronze', points: 20, favorite_categories: [], referral_code: '' };

/** Each ESP's own attribute names for the same contact (the golden table's field mapping). */
function named(esp: EspId, profile: EspProfile): EspProfile {
  const names: Record<EspId, Record<string, string>> = {
    braze: {
      first_name: '${first_name}',
      loyalty_tier: 'custom_attribute.${loyalty_tier}',
      points: 'custom_attribute.${points}',
      favorite_categories: 'custom_attribute.${favorite_categories}',
      referral_code: 'custom_attribute.${referral_code}',
    },
    klaviyo: {
      first_name: 'first_name',
      loyalty_tier: 'loyalty_tier',
      points: 'points',
      favorite_categories: 'favorite_categories',
      referral_code: 'referral_code',
    },
    hubspot: {
      first_name: 'contact.firstname',
      loyalty_tier: 'contact.loyalty_tier',
      points: 'contact.points',
      favorite_categories: 'contact.favorite_categories',
      referral_code: 'contact.referral_code',
    },
    sfmc: {
      first_name: 'FirstName',
      loyalty_tier: 'LoyaltyTier',
      points: 'Points',
      favorite_categories: 'FavoriteCategories',
      referral_code: 'ReferralCode',
    },
    mailchimp: { first_name: 'FNAME', loyalty_tier: 'LOYALTY', points: 'POINTS', favorite_categories: 'CATS', referral_code: 'REFCODE' },
  };
  return Object.fromEntries(Object.entries(profile).map(([token, value]) => [names[esp][token] ?? token, value]));
}

const run = (esp: EspId, source: string, profile: EspProfile): string => evaluateDialect(esp, source, named(esp, profile));

describe('G1 output with fallback', () => {
  const cases: [EspId, string][] = [
    ['braze', "Hi {{${first_name} | default: 'there'}}"],
    ['klaviyo', "Hi {{ first_name|default:'there' }}"],
    ['hubspot', "Hi {{ personalization_token('contact.firstname', 'there') }}"],
    ['hubspot', "Hi {{ contact.firstname|default('there', true) }}"],
    ['sfmc', 'Hi %%=IIF(Empty(AttributeValue("FirstName")), "there", AttributeValue("FirstName"))=%%'],
    ['mailchimp', 'Hi *|IF:FNAME|**|FNAME|**|ELSE:|*there*|END:IF|*'],
  ];
  it.each(cases)('%s: %s', (esp, source) => {
    expect(run(esp, source, GOLD)).toBe('Hi Ada');
    expect(run(esp, source, EMPTY)).toBe('Hi there');
  });

  it('HubL plain default replaces only undefined, so an empty name stays empty [H6]', () => {
    expect(run('hubspot', "Hi {{ contact.firstname|default('there') }}", { 'contact.firstname': null })).toBe('Hi there');
    expect(run('hubspot', "Hi {{ contact.firstname|default('there') }}", EMPTY)).toBe('Hi there');
  });
});

describe('G2 if / elsif / else on a string attribute', () => {
  const cases: [EspId, string][] = [
    [
      'braze',
      "{% if custom_attribute.${loyalty_tier} == 'gold' %}Gold perks{% elsif custom_attribute.${loyalty_tier} == 'silver' %}Silver perks{% else %}Join us{% endif %}",
    ],
    [
      'klaviyo',
      "{% if person.loyalty_tier == 'gold' %}Gold perks{% elif person.loyalty_tier == 'silver' %}Silver perks{% else %}Join us{% endif %}",
    ],
    [
      'hubspot',
      "{% if contact.loyalty_tier == 'gold' %}Gold perks{% elif contact.loyalty_tier == 'silver' %}Silver perks{% else %}Join us{% endif %}",
    ],
    [
      'sfmc',
      '%%[ IF AttributeValue("LoyaltyTier") == "gold" THEN ]%%Gold perks%%[ ELSEIF AttributeValue("LoyaltyTier") == "silver" THEN ]%%Silver perks%%[ ELSE ]%%Join us%%[ ENDIF ]%%',
    ],
    ['mailchimp', '*|IF:LOYALTY=gold|*Gold perks*|ELSEIF:LOYALTY=silver|*Silver perks*|ELSE:|*Join us*|END:IF|*'],
  ];
  it.each(cases)('%s', (esp, source) => {
    expect(run(esp, source, GOLD)).toBe('Gold perks');
    expect(run(esp, source, { ...GOLD, loyalty_tier: 'silver' })).toBe('Silver perks');
    expect(run(esp, source, EMPTY)).toBe('Join us');
  });

  it('SFMC compares strings case-insensitively [S16]; the others do not', () => {
    const upper = { ...GOLD, loyalty_tier: 'GOLD' };
    expect(run('sfmc', cases[3]?.[1] ?? '', upper)).toBe('Gold perks');
    expect(run('klaviyo', cases[1]?.[1] ?? '', upper)).toBe('Join us');
  });
});

describe('G3 numeric comparison', () => {
  const cases: [EspId, string][] = [
    ['braze', '{% if {{custom_attribute.${points}}} >= 100 %}VIP{% endif %}'],
    ['klaviyo', '{% if person.points >= 100 %}VIP{% endif %}'],
    ['hubspot', '{% if contact.points|int >= 100 %}VIP{% endif %}'],
    ['sfmc', '%%[ IF AttributeValue("Points") >= 100 THEN ]%%VIP%%[ ENDIF ]%%'],
    ['mailchimp', '*|IF:POINTS>=100|*VIP*|END:IF|*'],
  ];
  it.each(cases)('%s', (esp, source) => {
    expect(run(esp, source, GOLD)).toBe('VIP');
    expect(run(esp, source, EMPTY)).toBe('');
  });
});

describe('G4 for loop over a list', () => {
  const cases: [EspId, string][] = [
    ['braze', '{% assign cats = {{custom_attribute.${favorite_categories}}} %}{% for c in cats %}<li>{{ c }}</li>{% endfor %}'],
    ['klaviyo', '{% for c in person.favorite_categories %}<li>{{ c }}</li>{% endfor %}'],
    ['hubspot', "{% for c in contact.favorite_categories|split(';') %}<li>{{ c }}</li>{% endfor %}"],
    [
      'sfmc',
      '%%[ SET @rows = BuildRowsetFromString(AttributeValue("FavoriteCategories"), ";") FOR @i = 1 TO RowCount(@rows) DO ]%%<li>%%=Field(Row(@rows, @i), 1)=%%</li>%%[ NEXT @i ]%%',
    ],
  ];
  it.each(cases)('%s', (esp, source) => {
    expect(run(esp, source, GOLD)).toBe('<li>Shoes</li><li>Bags</li>');
    expect(run(esp, source, EMPTY)).toBe('');
  });
});

describe('G5 date format', () => {
  it.each([
    ['braze', "{{custom_attribute.${last_order_date} | date: '%B %-d, %Y'}}"],
    ['klaviyo', "{{ person.last_order_date|date:'F j, Y' }}"],
    ['hubspot', "{{ contact.last_order_date|format_date('MMMM d, yyyy') }}"],
    ['sfmc', '%%=FormatDate(AttributeValue("LastOrderDate"), "MMMM d, yyyy")=%%'],
    ['sfmc', '%%=Format(AttributeValue("LastOrderDate"), "MMMM d, yyyy", "Date", "en-US")=%%'],
  ] as [EspId, string][])('%s: %s', (esp, source) => {
    const names: Record<EspId, string> = {
      braze: 'last_order_date',
      klaviyo: 'last_order_date',
      hubspot: 'last_order_date',
      sfmc: 'LastOrderDate',
      mailchimp: 'LASTORDER',
    };
    expect(evaluateDialect(esp, source, { [names[esp]]: '2025-03-05' })).toBe('March 5, 2025');
    expect(evaluateDialect(esp, source, { [names[esp]]: null })).toBe('');
  });
  it('weekday and short names, escaped letters and quoted text', () => {
    expect(evaluateDialect('klaviyo', "{{ person.d|date:'l, M jS \\o\\f Y' }}", { d: '2025-03-05' })).toBe('Wednesday, Mar 5S of 2025');
    expect(evaluateDialect('hubspot', `{{ contact.d|format_date("EEE d MMM yy, 'o''clock'") }}`, { d: '2025-03-05' })).toBe(
      "Wed 5 Mar 25, o'clock",
    );
    expect(evaluateDialect('sfmc', '%%=FormatDate(AttributeValue("d"), "dddd dd/MM/yyyy")=%%', { d: '2025-03-05' })).toBe(
      'Wednesday 05/03/2025',
    );
  });
  it('Klaviyo slices a list for a limited loop', () => {
    expect(evaluateDialect('klaviyo', "{% for x in person.l|slice:':2' %}{{ x }}{% endfor %}", { l: ['a', 'b', 'c'] })).toBe('ab');
  });
});

describe('G6 url_encode', () => {
  it.each([
    ['braze', 'code={{custom_attribute.${referral_code} | url_encode}}', 'code=a+b%26c'],
    ['klaviyo', "code={{ person.referral_code|urlencode:'' }}", 'code=a%20b%26c'],
    ['hubspot', 'code={{ contact.referral_code|urlencode }}', 'code=a%20b%26c'],
    ['sfmc', 'code=%%=URLEncode(AttributeValue("ReferralCode"), 1, 1)=%%', 'code=a%20b%26c'],
    ['mailchimp', 'code=*|URL:REFCODE|*', 'code=a%20b%26c'],
  ] as [EspId, string, string][])('%s', (esp, source, expected) => {
    expect(run(esp, source, GOLD)).toBe(expected);
  });
});

describe('dialect specifics', () => {
  it('Braze reads the id column of its import (external_id) as ${user_id} [B3]', () => {
    expect(evaluateDialect('braze', 'BDAY-{{${user_id} | upcase}}', { external_id: 'c10001' })).toBe('BDAY-C10001');
  });
  it('Braze default applies to empty but not whitespace-only values [B2]', () => {
    expect(evaluateDialect('braze', "{{${first_name} | default: 'x'}}", { first_name: '  ' })).toBe('  ');
    expect(evaluateDialect('braze', "{{${first_name} | default: 'x'}}", { first_name: '' })).toBe('x');
  });
  it('Klaviyo filter arguments may be negative numbers', () => {
    expect(evaluateDialect('klaviyo', "{{ person|lookup:'p'|multiply:-1|add:1000 }}", { p: 373 })).toBe('627');
  });
  it('Klaviyo reads a name with spaces through lookup [K1]', () => {
    expect(evaluateDialect('klaviyo', "{{ person|lookup:'Loyalty Points' }}", { 'Loyalty Points': 12 })).toBe('12');
  });
  it('SFMC personalization strings and case-insensitive names [S17]', () => {
    expect(
      evaluateDialect('sfmc', 'Hi %%firstname%%, %%=v(@x)=%%%%[ SET @x = Uppercase(FirstName) ]%%%%=v(@x)=%%', { FirstName: 'Ada' }),
    ).toBe('Hi Ada, ADA');
  });
  it('Mailchimp nests conditions and escapes plain tags', () => {
    const source = '*|IF:A|**|IF:B=1|*both*|ELSE:|*a only*|END:IF|**|END:IF|* *|NAME|*';
    expect(evaluateDialect('mailchimp', source, { A: 'x', B: '1', NAME: '<b>' })).toBe('both &lt;b&gt;');
    expect(evaluateDialect('mailchimp', source, { A: 'x', B: '2', NAME: '' })).toBe('a only ');
  });
  it('HubL compares a text property with a boolean as Java EL does; Klaviyo compares as Python', () => {
    expect(evaluateDialect('hubspot', '{% if contact.opt == true %}yes{% else %}no{% endif %}', { opt: 'true' })).toBe('yes');
    expect(evaluateDialect('hubspot', '{% if contact.opt == true %}yes{% else %}no{% endif %}', { opt: 'false' })).toBe('no');
    expect(evaluateDialect('klaviyo', '{% if person.opt == True %}yes{% else %}no{% endif %}', { opt: 'true' })).toBe('no');
  });
  it('HubL set inside an if is seen after it, and loop.index counts from 1', () => {
    expect(
      evaluateDialect('hubspot', '{% if true %}{% set n = 3 %}{% endif %}{{ n }}{% for x in [1,2] %}{{ loop.index }}{% endfor %}', {}),
    ).toBe('312');
  });
  it("Klaviyo's own unsubscribe tags print a link [K5]", () => {
    expect(evaluateDialect('klaviyo', '<a href="{% unsubscribe_link %}">x</a> {% unsubscribe \'Leave\' %}', {})).toMatch(
      /^<a href="https:[^"]+">x<\/a> <a href="https:[^"]+">Leave<\/a>$/,
    );
  });
  it('what an evaluator does not read is reported, never skipped', () => {
    expect(() => evaluateDialect('klaviyo', '{% web_view %}', {})).toThrow(RoundTripUnsupported);
    expect(() => evaluateDialect('hubspot', '{{ x|nope }}', {})).toThrow(/unknown filter/);
    expect(() => evaluateDialect('sfmc', '%%=LookupRows("DE", "a", "b")=%%', {})).toThrow(/not read/);
    expect(() => evaluateDialect('mailchimp', '*|IF:A|*open', {})).toThrow(/END:IF/);
    expect(() => evaluateDialect('braze', '{{ x | money_with_currency }}', {})).toThrow(RoundTripUnsupported);
  });
});
