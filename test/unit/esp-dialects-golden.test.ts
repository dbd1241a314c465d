import { describe, expect, it } from 'vitest';
import type { EspFieldMap, EspId } from '../../shared/esp/esp';
import { toDialect } from '../../shared/esp/to-dialect';
import { audienceCells, contactProfile } from '../../shared/esp/audience/audience-row';
import { evaluateBraze } from '../../shared/esp/roundtrip/braze';
import { COMPUTED_NAMESPACE, SEGMENTS_TOKEN } from '../../shared/templates/computed-tokens';

/**
 * Golden tests per ESP, built from the vendors' own documented examples: the
 * Liquid a Tailor author writes, and the vendor's example it must become. Each
 * case cites the page its example comes from. Where the vendor's page spells
 * the same thing in a way its own documentation calls equivalent (spaces in a
 * tag, `{{ }}` around a Braze reference inside a tag, AMPscript's
 * case-insensitive keywords), the comparison says which rule it applies.
 * Facts and sources: /work/shared/research/esp-dialects.md.
 */

const convert = (liquid: string, esp: EspId, fieldMap: EspFieldMap = {}) => toDialect(liquid, esp, fieldMap);
const source = (liquid: string, esp: EspId, fieldMap: EspFieldMap = {}) => convert(liquid, esp, fieldMap).source;

/** Liquid ignores spaces inside a tag, and Braze takes a reference inside a tag with or without `{{ }}` [B11]. */
const brazeCanonical = (text: string): string =>
  text.replace(
    /\{%-?([\s\S]*?)-?%\}/g,
    (_tag, inner: string) => `{%${inner.replace(/\{\{\s*([\s\S]*?)\s*\}\}/g, '$1').replace(/\s+/g, '')}%}`,
  );

/** AMPscript keywords and function names are case-insensitive [S15]; spaces outside strings mean nothing [S2]. */
const ampscriptCanonical = (text: string): string =>
  text.replace(/'[^']*'|"[^"]*"|[^'"]+/g, (part) =>
    /^['"]/.test(part) ? `'${part.slice(1, -1)}'` : part.replace(/\s+/g, '').toLowerCase(),
  );

/** The conditions of an AMPscript IF chain, in order. */
const ampscriptConditions = (text: string): string[] =>
  [...text.matchAll(/\b(?:IF|ELSEIF)\b([\s\S]*?)\bTHEN\b/gi)].map((match) => ampscriptCanonical(match[1] ?? ''));

/** Merge tags between lines: the vendor's examples put each tag on its own line, which renders the same. */
const mergeTagCanonical = (text: string): string => text.replace(/\s*(\*\|[^|]*\|\*)\s*/g, '$1').trim();

/** A body with its block of attribute reads (`%%[ SET @x = AttributeValue('X') ]%%`) taken off. */
const sfmcBody = (text: string): string => text.replace(/^%%\[ SET [\s\S]*? \]%%\n/, '');

describe('Braze golden examples', () => {
  it('a fallback is the default filter on ${first_name} (braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/setting_default_values/)', () => {
    expect(source("Hi {{ first_name | default: 'Valued User' }}, thanks for using the App!", 'braze')).toBe(
      "Hi {{ ${first_name} | default: 'Valued User' }}, thanks for using the App!",
    );
  });

  it('an integer custom attribute compared with > (braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/operators/)', () => {
    const liquid =
      "{% if total_spend > 0 %}\nThanks for purchasing! Here's another 10% off!\n{% else %}\nBuy now! Would 5% off convince you?\n{% endif %}";
    const vendor =
      "{% if {{custom_attribute.${total_spend}}} >0 %}\nThanks for purchasing! Here's another 10% off!\n{% else %}\nBuy now! Would 5% off convince you?\n{% endif %}";
    const written = source(liquid, 'braze');
    expect(written).toBe(
      "{% if {{custom_attribute.${total_spend}}} > 0 %}\nThanks for purchasing! Here's another 10% off!\n{% else %}\nBuy now! Would 5% off convince you?\n{% endif %}",
    );
    expect(brazeCanonical(written)).toBe(brazeCanonical(vendor));
  });

  it('a string custom attribute in an if / elsif / else chain (braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/operators/)', () => {
    const liquid =
      "{% if game == 'Game1' %}\nYou played our Game! We're so happy!\n{% elsif game == 'Game2' %}\nYou played our other Game! Woop!{% else %}\nHey! Get in here and play this Game!\n{% endif %}";
    const vendor =
      "{% if {{custom_attribute.${Game}}} == 'Game1' %}\nYou played our Game! We're so happy!\n{% elsif{{custom_attribute.${Game}}} == 'Game2' %}\nYou played our other Game! Woop!{% else %}\nHey! Get in here and play this Game!\n{% endif %}";
    expect(brazeCanonical(source(liquid, 'braze', { game: 'Game' }))).toBe(brazeCanonical(vendor));
  });

  it('a loop over an array attribute assigns it first, the form Braze and brazejs both run (braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/supported_personalization_tags/, research golden G4)', () => {
    expect(source('{% for c in favorite_categories %}<li>{{ c }}</li>{% endfor %}', 'braze')).toBe(
      '{% assign c_list = custom_attribute.${favorite_categories} %}{% for c in c_list %}<li>{{ c }}</li>{% endfor %}',
    );
  });

  it('Liquid filters keep their names, and one Braze does not support is a warning at its line (braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters)', () => {
    const out = convert('<p>\n{{ last_order_date | date: "%B %-d, %Y" }}\n{{ tier | lstrip }}</p>', 'braze');
    expect(out.source).toBe("<p>\n{{ custom_attribute.${last_order_date} | date: '%B %-d, %Y' }}\n{{ custom_attribute.${tier} }}</p>");
    expect(out.warnings).toEqual([
      expect.objectContaining({ line: 3, construct: '{{ tier | lstrip }}', message: expect.stringContaining('lstrip') as unknown }),
    ]);
  });
});

describe('segment membership as the audience CSV imports it (Boolean attributes)', () => {
  // Braze's CSV import reads a column of TRUE/FALSE as a Boolean custom attribute:
  // braze.com/docs/user_guide/data_and_analytics/user_data_collection/user_import/ ("Importing custom data via CSV":
  // "Boolean (TRUE/FALSE)"), and Liquid compares a boolean unquoted:
  // braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/conditional_logic/ ("numbers/booleans unquoted").
  const liquid = "{% if customer.segments contains 'VIP' %}Welcome back, VIP{% else %}Hello{% endif %}";
  const csv = 'external_id,tailor_segment_vip\r\nC1,true\r\nC2,false';
  /** What Braze stores after importing `csv`: each cell of a TRUE/FALSE column as a Boolean. */
  const imported = (cell: string) => (/^(true|false)$/i.test(cell) ? cell.toLowerCase() === 'true' : cell);

  it('Braze tests the Boolean attribute against true, unquoted, and shows members the member branch', () => {
    const written = source(liquid, 'braze');
    expect(written).toBe('{% if {{custom_attribute.${tailor_segment_vip}}} == true %}Welcome back, VIP{% else %}Hello{% endif %}');
    const [, member, other] = csv.split('\r\n').map((line) => line.split(','));
    expect(evaluateBraze(written, { tailor_segment_vip: imported(member?.[1] ?? '') })).toBe('Welcome back, VIP');
    expect(evaluateBraze(written, { tailor_segment_vip: imported(other?.[1] ?? '') })).toBe('Hello');
    // The text comparison it replaces never matches a Boolean attribute in Liquid: members would get "Hello".
    expect(evaluateBraze(written.replace('== true', "== 'true'"), { tailor_segment_vip: true })).toBe('Hello');
  });

  it('the audience carries true / false: a Boolean for the typed ESPs (Braze, Klaviyo), the text for the others', () => {
    const context = { [COMPUTED_NAMESPACE]: { [SEGMENTS_TOKEN]: ['VIP'] } };
    const map = { 'segment:VIP': 'tailor_segment_vip', 'segment:Lapsed': 'tailor_segment_lapsed' };
    expect(contactProfile('braze', context, map)).toEqual({ tailor_segment_vip: true, tailor_segment_lapsed: false });
    expect(contactProfile('klaviyo', context, map)).toEqual({ tailor_segment_vip: true, tailor_segment_lapsed: false });
    for (const esp of ['hubspot', 'sfmc', 'mailchimp'] as const)
      expect(contactProfile(esp, context, map)).toEqual({ tailor_segment_vip: 'true', tailor_segment_lapsed: 'false' });
    // Every CSV writes the text, which Braze's import reads back as the Boolean.
    expect(audienceCells(contactProfile('braze', context, map), ['tailor_segment_vip', 'tailor_segment_lapsed'])).toEqual([
      'true',
      'false',
    ]);
  });

  it('Klaviyo compares with True (typed profile properties, academy.klaviyo.com … programming-logic: true = True, "true"); the text ESPs keep comparing text', () => {
    expect(source(liquid, 'klaviyo')).toContain("{% if person|lookup:'tailor_segment_vip' == True %}");
    expect(source(liquid, 'hubspot')).toContain("contact.tailor_segment_vip == 'true'");
    expect(source(liquid, 'sfmc')).toContain("@segment_VIP == 'true'");
    expect(source(liquid, 'mailchimp')).toContain('*|IF:SEG_VIP=true|*');
  });
});

describe('Klaviyo golden examples', () => {
  it('the loyalty points example: person|lookup, elif, and an output in a branch (developers.klaviyo.com/en/docs/use-conditionals-in-messages)', () => {
    const liquid = [
      '{% if loyalty_points > 150 %}',
      'Hey VIP! You’ve always got free shipping & free returns',
      '{% elsif loyalty_points > 0 %}',
      'You have {{ loyalty_points }} points, and you just need 150 to become a VIP!',
      '{% else %}',
      'Have you heard about our VIP program? Join today on our website to start earning rewards.',
      '{% endif %}',
    ].join('\n');
    const vendor = [
      "{% if person|lookup:'Loyalty Points' > 150 %}",
      'Hey VIP! You’ve always got free shipping & free returns',
      "{% elif person|lookup:'Loyalty Points' > 0 %}",
      "You have {{ person|lookup:'Loyalty Points' }} points, and you just need 150 to become a VIP!",
      '{% else %}',
      'Have you heard about our VIP program? Join today on our website to start earning rewards.',
      '{% endif %}',
    ].join('\n');
    expect(source(liquid, 'klaviyo', { loyalty_points: 'Loyalty Points' })).toBe(vendor);
  });

  it('filters with a colon and no spaces: add and base64_encode on person.email (developers.klaviyo.com/en/docs/glossary-of-variable-filters)', () => {
    expect(source('{{ email | base64_encode }}', 'klaviyo')).toBe('{{ person.email|base64_encode }}');
    expect(source('{% for n in numbers %}{{ n | plus: 2 }}{% endfor %}', 'klaviyo')).toBe(
      "{% for n in person|lookup:'numbers' %}{{ n|add:2 }}{% endfor %}",
    );
  });

  it('a fallback is the default filter, with a warning that Django default also replaces 0 (developers.klaviyo.com/en/docs/glossary-of-variable-filters)', () => {
    const out = convert("Hi {{ first_name | default: 'there' }}", 'klaviyo');
    expect(out.source).toBe("Hi {{ person.first_name|default:'there' }}");
    expect(out.warnings).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('replaces 0') as unknown })]);
  });
});

describe('HubSpot golden examples', () => {
  it('a fallback is |default(value, true) on the contact property, so an empty value falls back too (github.com/HubSpot/hubspot-cms-vscode snippets/auto_gen/hubl_filters.json "default"; developers.hubspot.com/docs/cms/reference/hubl/variables)', () => {
    // hubl_filters.json: `|default("${default_value}", ${boolean})`, "Set to True to use with variables which evaluate to false".
    expect(source("Hi {{ first_name | default: 'there' }}", 'hubspot')).toBe("Hi {{ contact.firstname|default('there', true) }}");
  });

  it('an if / elif / else chain on a contact property (developers.hubspot.com/docs/cms/reference/hubl/if-statements), with the programmable-email warning that page gives', () => {
    const out = convert(
      '{% if loyalty_tier == "gold" %}Gold perks{% elsif loyalty_tier == "silver" %}Silver perks{% else %}Join us{% endif %}',
      'hubspot',
    );
    expect(out.source).toBe(
      "{% if contact.loyalty_tier == 'gold' %}Gold perks{% elif contact.loyalty_tier == 'silver' %}Silver perks{% else %}Join us{% endif %}",
    );
    expect(out.warnings).toContainEqual(
      expect.objectContaining({ line: 1, message: expect.stringContaining('programmable email') as unknown }),
    );
  });

  it('filters by HubL name: upper, lower, urlencode, format_date (github.com/HubSpot/hubspot-cms-vscode snippets/auto_gen/hubl_filters.json)', () => {
    expect(
      source(
        '{{ first_name | upcase }} {{ city | downcase }} {{ code | url_encode }} {{ last_order_date | date: "%B %-d, %Y" }}',
        'hubspot',
      ),
    ).toBe(
      "{{ contact.firstname|upper }} {{ contact.city|lower }} {{ contact.code|urlencode }} {{ contact.last_order_date|format_date('MMMM d, yyyy') }}",
    );
  });

  it('a for loop over a multi-select property split on ; (developers.hubspot.com/docs/cms/hubl/for-loops)', () => {
    expect(source('{% for c in favorite_categories %}<li>{{ c }}</li>{% endfor %}', 'hubspot')).toBe(
      "{% for c in contact.favorite_categories|split(';') %}<li>{{ c }}</li>{% endfor %}",
    );
  });
});

describe('Salesforce Marketing Cloud golden examples', () => {
  it('a fallback is IIF(Empty(@x), fallback, @x) (developer.salesforce.com/docs/atlas.en-us.mc-programmatic-content.meta/mc-programmat-content/iif.htm)', () => {
    const written = source("{{ var | default: '123' }}", 'sfmc');
    expect(written).toBe("%%[ SET @var = AttributeValue('Var') ]%%\n%%=IIF(Empty(@var), '123', @var)=%%");
    expect(ampscriptCanonical(sfmcBody(written))).toBe(ampscriptCanonical("%%=IIF(EMPTY(@VAR),'123',@VAR)=%%"));
  });

  it('the age example: IF / ELSEIF with and, in parentheses (developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/guide/mc-ampscript-guide-language-basics-if-statements.md)', () => {
    const written = source(
      '{% if age > 30 and age <= 40 %}Age between 31 and 40{% elsif age > 40 and age <= 50 %}Age between 41 and 50{% endif %}',
      'sfmc',
    );
    expect(sfmcBody(written)).toBe(
      '%%[ IF (@age > 30 AND @age <= 40) THEN ]%%Age between 31 and 40%%[ ELSEIF (@age > 40 AND @age <= 50) THEN ]%%Age between 41 and 50%%[ ENDIF ]%%',
    );
    const vendor =
      'If (@age > 30 and @age <= 40) Then\n  Output("Age between 31 and 40")\nElseIf (@age > 40 and @age <= 50) Then\n  Output("Age between 41 and 50")\nEndIf';
    expect(ampscriptConditions(written)).toEqual(ampscriptConditions(vendor));
  });

  it('a comparison with >= (developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/guide/mc-ampscript-guide-language-basics-condition-evaluation.md)', () => {
    expect(ampscriptConditions(source('{% if age >= 30 %}x{% endif %}', 'sfmc'))).toEqual(
      ampscriptConditions('If @age >= 30 then\n  ...\nEndIf'),
    );
  });

  it('a loop over a list with BuildRowsetFromString, RowCount, Row, Field and FOR … NEXT (developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/guide/mc-ampscript-guide-language-basics-for-loops.md)', () => {
    expect(sfmcBody(source('{% for c in favorite_categories %}<li>{{ c }}</li>{% endfor %}', 'sfmc'))).toBe(
      "%%[ IF NOT Empty(@favorite_categories) THEN ]%%%%[ SET @c_rows = BuildRowsetFromString(@favorite_categories, ';') SET @c_n = RowCount(@c_rows) FOR @c_i = 1 TO @c_n DO SET @c = Field(Row(@c_rows, @c_i), 1) ]%%<li>%%=v(@c)=%%</li>%%[ NEXT @c_i ]%%%%[ ENDIF ]%%",
    );
  });

  it('contains is IndexOf(…) > 0, and a text comparison warns that AMPscript ignores case (…/mc-ampscript-reference-string-index-of.md; ampscript.guide/comparison-operators/)', () => {
    const out = convert("{% if city contains 'York' %}NY{% endif %}\n{% if tier == 'Gold' %}G{% endif %}", 'sfmc');
    expect(sfmcBody(out.source)).toBe(
      "%%[ IF IndexOf(@city, 'York') > 0 THEN ]%%NY%%[ ENDIF ]%%\n%%[ IF @tier == 'Gold' THEN ]%%G%%[ ENDIF ]%%",
    );
    expect(out.warnings).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('without regard to case') as unknown }),
    ]);
  });
});

describe('Mailchimp golden examples', () => {
  const page = 'mandrill.zendesk.com/hc/en-us/articles/360039278713-About-Dynamic-and-Conditional-Merge-Tags';

  it(`the ELSEIF example (${page})`, () => {
    const liquid = [
      "{% if merge == 'x' %}",
      '<p>content to display if the value for MERGE is x</p>',
      "{% elsif merge == 'y' %}",
      '<p>content to display if the value for MERGE is not x, but is y</p>',
      "{% elsif merge == 'z' %}",
      '<p>content to display if the value for MERGE is not x or y, but is z</p>',
      '{% else %}',
      '<p>alternate content to display if the value for MERGE is not x, y, or z</p>',
      '{% endif %}',
    ].join('\n');
    const vendor = [
      '*|IF:MERGE=x|*',
      '<p>content to display if the value for MERGE is x</p>',
      '*|ELSEIF:MERGE=y|*',
      '<p>content to display if the value for MERGE is not x, but is y</p>',
      '*|ELSEIF:MERGE=z|*',
      '<p>content to display if the value for MERGE is not x or y, but is z</p>',
      '*|ELSE:|*',
      '<p>alternate content to display if the value for MERGE is not x, y, or z</p>',
      '*|END:IF|*',
    ].join('\n');
    expect(source(liquid, 'mailchimp')).toBe(vendor);
  });

  it(`and becomes the nested conditions example (${page})`, () => {
    const liquid =
      "{% if merge1 == 'x' and merge2 == 'y' %}\n<div mc:edit=\"main\">\n<p>content to display if both conditions are true</p>\n</div>\n{% endif %}";
    const vendor =
      '*|IF:MERGE1=x|*\n*|IF:MERGE2=y|*\n<div mc:edit="main">\n<p>content to display if both conditions are true</p>\n</div>\n*|END:IF|*\n*|END:IF|*';
    expect(mergeTagCanonical(source(liquid, 'mailchimp'))).toBe(mergeTagCanonical(vendor));
  });

  it(`!= and a blank test become the negative conditions examples (${page})`, () => {
    expect(source("{% if merge != 'x' %}\nnot x\n{% else %}\nx\n{% endif %}", 'mailchimp')).toBe(
      '*|IF:MERGE!=x|*\nnot x\n*|ELSE:|*\nx\n*|END:IF|*',
    );
    expect(source('{% unless merge %}\nnot provided\n{% else %}\nprovided\n{% endunless %}', 'mailchimp')).toBe(
      '*|IFNOT:MERGE|*\nnot provided\n*|ELSE:|*\nprovided\n*|END:IF|*',
    );
  });

  it(`a fallback is IF / ELSE around the merge tag, on the FNAME audience field (${page}; mailchimp.com/developer/marketing/docs/merge-fields/)`, () => {
    expect(source("Hi {{ first_name | default: 'there' }}", 'mailchimp')).toBe('Hi *|IF:FNAME|**|FNAME|**|ELSE:|*there*|END:IF|*');
  });

  it('a loop cannot be written: a warning with its line, and nothing of it in the output (research golden G4: no loop in any Mailchimp source)', () => {
    const out = convert('<ul>\n{% for c in favorite_categories %}<li>{{ c }}</li>{% endfor %}\n</ul>', 'mailchimp');
    expect(out.source).toBe('<ul>\n\n</ul>');
    expect(out.warnings).toEqual([
      expect.objectContaining({
        line: 2,
        construct: '{% for c in favorite_categories %}',
        message: expect.stringContaining('no loops') as unknown,
      }),
    ]);
  });
});
