import { describe, expect, it } from 'vitest';
import { ESP_IDS, type EspId } from '../../shared/esp/esp';
import { defaultFieldMap } from '../../shared/esp/dialects/field-map';
import { templateTokens, toDialect } from '../../shared/esp/to-dialect';
import { createLiquid } from '../../shared/templates/liquid-engine';

const liquid = createLiquid();

/**
 * An independent check of what the Braze output means: Braze is Liquid, so
 * after turning its attribute references into plain lookups liquidjs renders
 * it, and it must print what Tailor's own render of the source prints.
 */
function renderBraze(braze: string, profile: Record<string, string | undefined>): string {
  const plain = braze
    // Braze takes a reference inside a tag with or without `{{ }}` [B11]; liquidjs wants it bare.
    .replace(/\{%([\s\S]*?)%\}/g, (_tag, inner: string) => `{%${inner.replace(/\{\{\s*([\s\S]*?)\s*\}\}/g, '$1')}%}`)
    .replace(/(?:custom_attribute\.)?\$\{([^}]*)\}/g, (_all, name: string) => `p["${name}"]`);
  return liquid.parseAndRenderSync(plain, { p: profile }) as string;
}

/** Every combination of a, b and c being set or missing. */
const profiles = (): Record<string, string | undefined>[] =>
  [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => ({ a: bits & 1 ? 'x' : undefined, b: bits & 2 ? 'y' : undefined, c: bits & 4 ? 'z' : undefined }));

describe('conditions Braze cannot write as Liquid wrote them', () => {
  const cases = [
    '{% if not a %}A{% else %}B{% endif %}',
    '{% unless a and b %}U{% endunless %}',
    "{% unless a == 'x' or c %}U{% else %}E{% endunless %}",
    "{% if a == 'x' and not b %}1{% elsif not c %}2{% else %}3{% endif %}",
    "{% case a %}{% when 'x', 'q' %}X{% else %}other{% endcase %}",
    "{% unless a contains 'x' %}U{% else %}E{% endunless %}",
    "{% if b %}B{% else %}{% unless c contains 'z' %}C{% endunless %}{% endif %}",
    '{% if a and b or c %}1{% elsif b %}2{% endif %}',
  ];
  for (const source of cases) {
    it(`keep their meaning: ${source}`, () => {
      const out = toDialect(source, 'braze', {});
      expect(out.source).not.toMatch(/\bnot\b|\bunless\b|\bcase\b/);
      expect(out.warnings).toEqual([]);
      for (const profile of profiles()) {
        expect(renderBraze(out.source, profile), JSON.stringify(profile)).toBe(liquid.parseAndRenderSync(source, profile));
      }
    });
  }
});

describe('and / or where the dialect has no grouping', () => {
  it('Klaviyo: Liquid reads `a and b or c` as a and (b or c); Django has no parentheses, so the if is nested', () => {
    expect(toDialect('{% if a and b or c %}Y{% else %}N{% endif %}', 'klaviyo', {}).source).toBe(
      "{% if person|lookup:'a' %}{% if person|lookup:'b' or person|lookup:'c' %}Y{% else %}N{% endif %}{% else %}N{% endif %}",
    );
    // The grouping Django reads the same way stays one tag.
    expect(toDialect('{% if a or b and c %}Y{% endif %}', 'klaviyo', {}).source).toBe(
      "{% if person|lookup:'a' or person|lookup:'b' and person|lookup:'c' %}Y{% endif %}",
    );
  });

  it('HubSpot and SFMC write the grouping out in parentheses', () => {
    expect(toDialect('{% if a and b or c %}Y{% endif %}', 'hubspot', {}).source).toBe(
      '{% if (contact.a and (contact.b or contact.c)) %}Y{% endif %}',
    );
    expect(toDialect('{% if a and b or c %}Y{% endif %}', 'sfmc', {}).source).toContain(
      '%%[ IF (NOT Empty(@a) AND (NOT Empty(@b) OR NOT Empty(@c))) THEN ]%%Y%%[ ENDIF ]%%',
    );
  });

  it('Mailchimp: or repeats the body under ELSEIF, and an IFNOT after the first branch opens a nested block', () => {
    expect(toDialect("{% if a == 'x' or b %}Y{% elsif c == blank %}C{% else %}N{% endif %}", 'mailchimp', {}).source).toBe(
      '*|IF:A=x|*Y*|ELSEIF:B|*Y*|ELSE:|**|IFNOT:C|*C*|ELSE:|*N*|END:IF|**|END:IF|*',
    );
  });
});

describe('what a dialect cannot express is a warning with its line', () => {
  const template = [
    '<p>',
    "{% if city contains 'York' %}NY{% endif %}",
    '{% capture x %}hi{% endcapture %}',
    '{{ name | truncatewords: 3 }}',
    '</p>',
  ].join('\n');

  it('Mailchimp: contains on a field, a capture, a filter with no modifier', () => {
    const out = toDialect(template, 'mailchimp', {});
    expect(out.warnings.map((w) => [w.line, w.construct])).toEqual([
      [2, "{% if city contains 'York' %}"],
      [3, '{% capture x %}'],
      [4, '{{ name | truncatewords: 3 }}'],
    ]);
    // A filter with no modifier is computed by Tailor into a derived attribute (see "derived attributes").
    expect(out.source).toMatch(/^<p>\n\n\n\*\|D_NAME[A-Z0-9]{4}\|\*\n<\/p>$/);
  });

  for (const esp of ['klaviyo', 'hubspot', 'sfmc'] as const) {
    it(`${esp}: the capture and the filter are reported, never dropped silently`, () => {
      const lines = toDialect(template, esp, {}).warnings.map((w) => w.line);
      expect(lines).toContain(3);
      expect(lines).toContain(4);
    });
  }

  it('Liquid that does not parse is returned unchanged with the parser’s message and line', () => {
    const out = toDialect('<p>\n{% if a %}never closed</p>', 'braze', {});
    expect(out.source).toBe('<p>\n{% if a %}never closed</p>');
    expect(out.warnings).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('not closed') as unknown })]);
  });
});

describe('segments and tiers become plain attributes of the audience', () => {
  const template = "{% if customer.segments contains 'VIP Gold' %}V{% elsif rfm_tier == 'Champions' %}C{% endif %}{{ churn_probability }}";
  const expected: Record<EspId, [string, string]> = {
    braze: ['{{custom_attribute.${tailor_segment_vip_gold}}} == true', "{{custom_attribute.${rfm_tier}}} == 'Champions'"],
    klaviyo: ["person|lookup:'tailor_segment_vip_gold' == True", "person|lookup:'rfm_tier' == 'Champions'"],
    hubspot: ["contact.tailor_segment_vip_gold == 'true'", "contact.rfm_tier == 'Champions'"],
    sfmc: ["@segment_VIP_Gold == 'true'", "@rfm_tier == 'Champions'"],
    mailchimp: ['SEG_VIP=true', 'RFMTIER=Champions'],
  };
  for (const esp of ESP_IDS) {
    it(`${esp}: a condition on the attribute, and the attribute listed with its kind`, () => {
      const out = toDialect(template, esp, {});
      for (const part of expected[esp]) expect(out.source).toContain(part);
      expect(out.attributes.map((a) => a.kind)).toEqual(['segment', 'score', 'score']);
      expect(out.attributes[0]?.token).toBe('segment:VIP Gold');
    });
  }

  it('SFMC reads each attribute once, in a block at the top', () => {
    expect(toDialect(template, 'sfmc', {}).source).toMatch(
      /^%%\[ SET @segment_VIP_Gold = AttributeValue\('TailorSegmentVIPGold'\)\nSET @rfm_tier = AttributeValue\('RfmTier'\)/,
    );
  });
});

describe('field maps', () => {
  it('each ESP has a default name for the standard fields', () => {
    const tokens = ['first_name', 'email', 'loyalty_tier', 'loyalty_points', 'last_order_date'];
    expect(defaultFieldMap('braze', tokens)).toEqual({
      first_name: 'first_name',
      email: 'email_address',
      loyalty_tier: 'loyalty_tier',
      loyalty_points: 'loyalty_points',
      last_order_date: 'last_order_date',
    });
    expect(defaultFieldMap('hubspot', tokens).first_name).toBe('firstname');
    expect(defaultFieldMap('sfmc', tokens)).toMatchObject({ first_name: 'FirstName', email: 'EmailAddress', loyalty_tier: 'LoyaltyTier' });
    // Tags of at most ten characters, and two tokens never share one.
    expect(defaultFieldMap('mailchimp', tokens)).toEqual({
      first_name: 'FNAME',
      email: 'EMAIL',
      loyalty_tier: 'LOYALTY',
      loyalty_points: 'LOYALTYP',
      last_order_date: 'LASTORDER',
    });
  });

  it('the caller’s map wins over the default, and is what the attributes list', () => {
    const out = toDialect('{{ first_name }} {{ FirstName }} {{ customer.first_name }}', 'mailchimp', { first_name: 'PRENOM' });
    expect(out.source).toBe('*|PRENOM|* *|PRENOM|* *|PRENOM|*');
    expect(out.attributes).toEqual([{ token: 'first_name', attribute: 'PRENOM', kind: 'field' }]);
  });

  it('the unsubscribe link is each ESP’s own tag, not an audience column', () => {
    const html = '<a href="{{ unsubscribe_url | default: \'https://x.example/u\' }}">Unsubscribe</a>';
    const links = Object.fromEntries(ESP_IDS.map((esp) => [esp, toDialect(html, esp, {})]));
    expect(links.braze?.source).toContain('{{ ${set_user_to_unsubscribed_url} }}');
    expect(links.klaviyo?.source).toContain('{% unsubscribe_link %}');
    expect(links.hubspot?.source).toContain('{{ unsubscribe_link }}');
    expect(links.sfmc?.source).toContain('%%unsub_center_url%%');
    expect(links.mailchimp?.source).toContain('*|UNSUB|*');
    for (const out of Object.values(links)) expect(out.attributes).toEqual([]);
  });
});

describe('assignments', () => {
  const template = '{% assign points = loyalty_points | plus: 0 %}{% if points < 1000 %}{{ 1000 | minus: points }} to go{% endif %}';

  it('stay variables where the dialect has them', () => {
    expect(toDialect(template, 'braze', {}).source).toBe(
      '{% assign points = custom_attribute.${loyalty_points} | plus: 0 %}{% if points < 1000 %}{{ 1000 | minus: points }} to go{% endif %}',
    );
    expect(toDialect(template, 'hubspot', {}).source).toBe(
      '{% set points = contact.loyalty_points %}{% if points|float < 1000 %}{{ 1000 - points|int }} to go{% endif %}',
    );
    expect(toDialect(template, 'sfmc', {}).source).toContain(
      '%%[ SET @points = @loyalty_points ]%%%%[ IF @points < 1000 THEN ]%%%%=Subtract(1000, @points)=%% to go%%[ ENDIF ]%%',
    );
  });

  it('are replaced by their value where it has none', () => {
    expect(toDialect(template, 'klaviyo', {}).source).toBe(
      "{% if person|lookup:'loyalty_points' < 1000 %}{{ person|lookup:'loyalty_points'|multiply:-1|add:1000 }} to go{% endif %}",
    );
    const mailchimp = toDialect(template, 'mailchimp', {});
    const derived = mailchimp.attributes.find((a) => a.kind === 'derived');
    // The assigned name is read through its numeric cast: the derived value reads the field itself.
    expect(derived?.expression).toBe('1000 | minus: loyalty_points');
    expect(mailchimp.source).toBe(`*|IF:LOYALTY<1000|**|${derived?.attribute}|* to go*|END:IF|*`);
    expect(mailchimp.warnings.map((w) => w.construct)).toContain('{{ 1000 | minus: points }}');
  });
});

describe('derived attributes (Mailchimp cannot compute or format dates)', () => {
  const template =
    "<p>{{ birth_date | date: '%B %-d' }}</p><p>{{ Birth_Date | date: '%B %-d' }}</p><p>{{ signup_date | date: '%B %Y' }}</p>";

  it('an output merge tags cannot compute becomes the tag of a derived attribute with its Liquid expression', () => {
    const out = toDialect(template, 'mailchimp', {});
    const derived = out.attributes.filter((a) => a.kind === 'derived');
    expect(derived.map((a) => a.expression)).toEqual(["birth_date | date: '%B %-d'", "signup_date | date: '%B %Y'"]);
    const [birthday, signup] = derived;
    // A valid Mailchimp tag, unique, and the same expression (under any spelling of its token) shares one.
    for (const a of derived) expect(a.attribute).toMatch(/^D_[A-Z0-9_]{1,8}$/);
    expect(birthday?.attribute).not.toBe(signup?.attribute);
    expect(birthday?.token).toBe(`derived:${birthday?.attribute}`);
    expect(out.source).toBe(`<p>*|${birthday?.attribute}|*</p><p>*|${birthday?.attribute}|*</p><p>*|${signup?.attribute}|*</p>`);
    const info = out.warnings.filter((w) => w.level === 'info');
    expect(info.map((w) => w.construct)).toEqual([
      "{{ birth_date | date: '%B %-d' }}",
      "{{ Birth_Date | date: '%B %-d' }}",
      "{{ signup_date | date: '%B %Y' }}",
    ]);
    expect(info[0]?.message).toMatch(/precomputed per contact in the audience CSV/);
  });

  it('is stable across exports and never takes a name of the field map', () => {
    const first = toDialect(template, 'mailchimp', {}).attributes.find((a) => a.kind === 'derived')?.attribute ?? '';
    expect(toDialect(`<b>x</b>${template}`, 'mailchimp', {}).attributes.find((a) => a.kind === 'derived')?.attribute).toBe(first);
    const moved = toDialect(template, 'mailchimp', { city: first }).attributes.find((a) => a.kind === 'derived')?.attribute;
    expect(moved).not.toBe(first);
    expect(moved).toMatch(/^D_BIRT[A-Z0-9]{4}$/);
  });

  it("renders, with Tailor's Liquid, what the original prints", () => {
    const out = toDialect("{{ 1000 | minus: loyalty_points }} {{ birth_date | date: '%B %-d' }}", 'mailchimp', {});
    const customer = { loyalty_points: '250', birth_date: '1990-03-07' };
    const values = Object.fromEntries(
      out.attributes
        .filter((a) => a.kind === 'derived')
        .map((a) => [a.attribute, liquid.parseAndRenderSync(`{{ ${a.expression ?? ''} }}`, customer) as string]),
    );
    const merged = out.source.replace(/\*\|([A-Z0-9_]+)\|\*/g, (_all, tag: string) => values[tag] ?? `?${tag}`);
    expect(merged).toBe(liquid.parseAndRenderSync("{{ 1000 | minus: loyalty_points }} {{ birth_date | date: '%B %-d' }}", customer));
    expect(merged).toBe('750 March 7');
  });

  it('a value read from a loop cannot be derived and is still a warning', () => {
    const out = toDialect("{% for o in orders %}{{ o.date | date: '%B' }}{% endfor %}", 'mailchimp', {});
    expect(out.attributes.filter((a) => a.kind === 'derived')).toEqual([]);
  });

  for (const esp of ['braze', 'klaviyo', 'hubspot', 'sfmc'] as const) {
    it(`${esp} formats dates itself: no derived attribute`, () => {
      expect(toDialect(template, esp, {}).attributes.filter((a) => a.kind === 'derived')).toEqual([]);
    });
  }
});

describe('partials', () => {
  const partials = (name: string) =>
    name === 'footer' ? "Bye {{ first_name | default: 'you' }}{% for x in favorites %}{{ x }}{% endfor %}" : undefined;

  it('are written out with their content, and what they hold is warned about at the tag that brings them in', () => {
    const out = toDialect("<p>\nHi {% render 'footer' %}\n{% include 'header' %}</p>", 'mailchimp', {}, { partials });
    expect(out.source).toBe('<p>\nHi Bye *|IF:FNAME|**|FNAME|**|ELSE:|*you*|END:IF|*\n</p>');
    expect(out.warnings.map((w) => [w.line, w.construct])).toEqual([
      [2, '{% for x in favorites %} (in partial "footer")'],
      [3, "{% include 'header' %}"],
    ]);
    expect(out.warnings[1]?.message).toContain('no partial named "header"');
  });

  it('a partial given arguments is reported, not guessed', () => {
    const out = toDialect("{% render 'footer', name: first_name %}", 'braze', {}, { partials });
    expect(out.source).toBe('');
    expect(out.warnings).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('arguments') as unknown })]);
  });
});

describe('Braze and the head of the email', () => {
  it('warns once that Liquid outside <body> renders inconsistently in Braze', () => {
    const html = "<html><head><title>Hi {{ first_name | default: 'there' }}</title></head>\n<body>{{ first_name }}</body></html>";
    const out = toDialect(html, 'braze', {});
    expect(out.warnings.filter((w) => w.message.includes('<body>'))).toEqual([
      expect.objectContaining({ line: 1, construct: "{{ first_name | default: 'there' }}" }),
    ]);
    expect(toDialect('<body>{{ first_name }}</body>', 'braze', {}).warnings).toEqual([]);
  });
});

describe('loops over a list field', () => {
  const template =
    '{{ cart_items | size }} items: {% for item in cart_items limit: 4 %}{{ forloop.index }}/{{ forloop.length }} {{ item }} {% endfor %}';

  it('Klaviyo counts the items the loop runs over for forloop.length (Django’s forloop has none)', () => {
    expect(toDialect(template, 'klaviyo', {}).source).toBe(
      "{{ person|lookup:'cart_items'|length }} items: {% for item in person|lookup:'cart_items'|slice:':4' %}{{ forloop.counter }}/{{ person|lookup:'cart_items'|slice:':4'|length }} {{ item }} {% endfor %}",
    );
  });

  it('SFMC counts the rows of a ;-joined list, not its characters', () => {
    const out = toDialect(template, 'sfmc', {}).source;
    expect(out).toContain("%%=RowCount(BuildRowsetFromString(@cart_items, ';'))=%% items:");
    expect(out).toContain('%%=v(@item_i)=%%/%%=v(@item_n)=%% %%=v(@item)=%%');
    expect(toDialect('{{ city | size }}', 'sfmc', {}).source).toContain('%%=Length(@city)=%%');
  });

  it('Mailchimp takes one modifier per merge tag: two are precomputed as a derived tag (mailchimp-modifiers.test.ts)', () => {
    const out = toDialect('{{ favorite_category | downcase | url_encode }}', 'mailchimp', {});
    expect(out.source).toMatch(/^\*\|D_[A-Z0-9]+\|\*$/);
    expect(out.warnings.map((w) => w.level)).toEqual(['info']);
  });
});

describe('templateTokens', () => {
  it('lists what the field map needs, in order of first use: fields under one name, scores, segments; not the unsubscribe link', () => {
    const html =
      '{{ FirstName }}{% if customer.segments contains \'VIP\' %}{{ rfm_tier }}{% endif %}{{ first_name }}<a href="{{ unsubscribe_url }}">x</a>';
    expect(templateTokens(html)).toEqual(['first_name', 'segment:VIP', 'rfm_tier']);
    expect(templateTokens('{% if %}')).toEqual([]);
  });
});
