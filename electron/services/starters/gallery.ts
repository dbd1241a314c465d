import fs from 'node:fs';
import path from 'node:path';
import { STARTER_TEMPLATES, starterTemplatesDir } from '../../workspace/demo/templates';
import type { TemplateFormat } from '../../../shared/templates/template-format';

/** One entry of the "New from a starter" gallery. */
export interface Starter {
  readonly name: string;
  readonly description: string;
  readonly format: TemplateFormat;
  readonly source: string;
}

interface StarterFile {
  readonly name: string;
  readonly file: string;
  readonly description: string;
}

/**
 * The gallery's designs after the two blanks, in the order shown. The demo's
 * three (which the demo workspace also creates as templates) come first, then
 * the lifecycle emails. Each uses snake_case tokens with fallbacks and at
 * least one conditional block; starters.test.ts renders every one.
 */
const DEMO_DESCRIPTIONS: Record<string, string> = {
  'Segment offer': 'An offer whose copy changes by loyalty tier and favourite category.',
  'We miss you': 'A lapsed-customer email with a discount code and a tier-only block.',
  'Loyalty thank-you': 'Points and tier at a glance, with a reward for the best customers.',
};

const LIFECYCLE: readonly StarterFile[] = [
  { name: 'Welcome', file: 'welcome.mjml', description: 'Greets a new member, with newsletter and category blocks that adapt.' },
  {
    name: 'Abandoned cart',
    file: 'abandoned-cart.mjml',
    description: 'Loops over cart_items (one row per product), with a fallback when the cart is unknown.',
  },
  {
    name: 'Post-purchase',
    file: 'post-purchase.mjml',
    description: 'Thanks first-time and repeat buyers differently; care guide and points.',
  },
  { name: 'Birthday', file: 'birthday.mjml', description: 'A birthday code, the date when known, double points for top tiers.' },
  { name: 'Win-back', file: 'win-back.mjml', description: 'Brings back lapsed customers, with blocks by lifetime value and orders.' },
];

/** What "New template" starts from: a valid email with a head (subject and preheader), one token and a fallback. */
export const BLANK_TEMPLATE = `<mjml>
  <mj-head>
    <mj-title>Hello {{ first_name | default: 'there' }}</mj-title>
    <mj-preview>A short summary shown after the subject in the inbox.</mj-preview>
  </mj-head>
  <mj-body background-color="#f4f4f5">
    <mj-section background-color="#ffffff" padding="32px 24px">
      <mj-column>
        <mj-text font-size="22px" font-weight="700">Hello {{ first_name | default: 'there' }},</mj-text>
        <mj-text font-size="15px" line-height="1.6">Write your message here.</mj-text>
        <mj-button href="https://example.com/?cid={{ id }}" background-color="#4f46e5">Call to action</mj-button>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

const read = (dir: string, file: string): string => fs.readFileSync(path.join(dir, file), 'utf8');

/** Every starter, blanks first. Read from the bundled assets on each call: the list is small and rarely asked for. */
export function starterGallery(dir: string = starterTemplatesDir()): Starter[] {
  return [
    { name: 'Blank email', description: 'MJML with a subject, a preheader and one section.', format: 'mjml', source: BLANK_TEMPLATE },
    {
      name: 'Blank HTML email',
      description: 'Hand-written HTML with a style block; CSS is inlined when you export.',
      format: 'html',
      source: read(dir, 'blank-html.html'),
    },
    ...STARTER_TEMPLATES.map(({ name, file }) => ({
      name,
      description: DEMO_DESCRIPTIONS[name] ?? '',
      format: 'mjml' as const,
      source: read(dir, file),
    })),
    ...LIFECYCLE.map(({ name, file, description }) => ({ name, description, format: 'mjml' as const, source: read(dir, file) })),
  ];
}
