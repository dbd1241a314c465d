import { z } from 'zod';

/**
 * The named validation rules an import applies, what each does by default,
 * and how a workspace overrides that. Pure data: the import step, the
 * settings panel and the CLI read the same list.
 */

export const RULE_NAMES = [
  'email_syntax',
  'email_typo',
  'phone_validity',
  'birth_date_age',
  'future_dates',
  'amounts',
  'required_fields',
  'completeness',
] as const;
export const RuleName = z.enum(RULE_NAMES);
export type RuleName = z.infer<typeof RuleName>;

/** reject: the row is not imported; flag: imported with the finding shown; off: not checked. */
export const RuleAction = z.enum(['reject', 'flag', 'off']);
export type RuleAction = z.infer<typeof RuleAction>;

/** Field keys (email, first_name, order_id, …) that must not be empty in a row, where the file has their column. */
export const RequiredFields = z.array(z.string().trim().min(1).max(100)).max(100);
/** Mapped fields a row must fill at least, for the completeness rule. */
export const MinFilled = z.number().int().min(1).max(1000);

/** What a workspace stores for a rule. */
export const RuleSetting = z.object({
  name: RuleName,
  action: RuleAction,
  requiredFields: RequiredFields.optional(),
  minFilled: MinFilled.optional(),
});
export type RuleSetting = z.infer<typeof RuleSetting>;

/** A rule as listed: its setting plus what it means. */
export const ValidationRule = z.object({
  name: RuleName,
  action: RuleAction,
  label: z.string(),
  description: z.string(),
  defaultAction: RuleAction,
  /** What the rule reads: customers, orders, events. */
  appliesTo: z.array(z.string()),
  requiredFields: RequiredFields,
  minFilled: MinFilled,
});
export type ValidationRule = z.infer<typeof ValidationRule>;

interface RuleInfo {
  label: string;
  description: string;
  defaultAction: RuleAction;
  appliesTo: readonly string[];
}

export const RULES: { readonly [N in RuleName]: RuleInfo } = {
  email_syntax: {
    label: 'Email syntax',
    description: 'The email is a valid address; internationalised ones ("josé@exemple.fr", "müller@bücher.de") are valid.',
    defaultAction: 'reject',
    appliesTo: ['customers'],
  },
  email_typo: {
    label: 'Email domain typos',
    description: 'The email domain looks like a misspelt common one (gmial.com, hotmal.com); the finding suggests the likely domain.',
    defaultAction: 'flag',
    appliesTo: ['customers'],
  },
  phone_validity: {
    label: 'Phone validity',
    description: 'The phone number is one an operator could issue (numbers without a country code need a default country).',
    defaultAction: 'flag',
    appliesTo: ['customers'],
  },
  birth_date_age: {
    label: 'Birth date vs age',
    description: 'When the file has both a birth date and an age column, they agree (within a year).',
    defaultAction: 'flag',
    appliesTo: ['customers'],
  },
  future_dates: {
    label: 'Future dates',
    description: 'Birth dates, order dates and event times are not in the future.',
    defaultAction: 'flag',
    appliesTo: ['customers', 'orders', 'events'],
  },
  amounts: {
    label: 'Amounts',
    description: 'Order amounts are numbers and not negative.',
    defaultAction: 'reject',
    appliesTo: ['orders'],
  },
  required_fields: {
    label: 'Required fields',
    description: 'The listed fields are filled in every row (a field the file has no column for is not checked).',
    defaultAction: 'reject',
    appliesTo: ['customers', 'orders', 'events'],
  },
  completeness: {
    label: 'Completeness',
    description: 'A row fills at least the given number of the fields the file maps.',
    defaultAction: 'off',
    appliesTo: ['customers', 'orders', 'events'],
  },
};

export const DEFAULT_MIN_FILLED = 3;

/** Every rule with a workspace's stored settings applied over the defaults. */
export function resolveRules(stored: readonly RuleSetting[]): ValidationRule[] {
  const byName = new Map(stored.map((setting) => [setting.name, setting]));
  return RULE_NAMES.map((name) => {
    const info = RULES[name];
    const setting = byName.get(name);
    return {
      name,
      action: setting?.action ?? info.defaultAction,
      label: info.label,
      description: info.description,
      defaultAction: info.defaultAction,
      appliesTo: [...info.appliesTo],
      requiredFields: setting?.requiredFields ?? [],
      minFilled: setting?.minFilled ?? DEFAULT_MIN_FILLED,
    };
  });
}
