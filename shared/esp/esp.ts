/**
 * The ESPs Tailor exports for, and the shape of one export in an ESP's own
 * personalization language. The converters (shared/esp/dialects/) write it
 * from the parsed Liquid tree; the round-trip check, the audience CSV, the
 * export dialog and the CLI read it.
 */
export const ESP_IDS = ['braze', 'klaviyo', 'hubspot', 'sfmc', 'mailchimp'] as const;
export type EspId = (typeof ESP_IDS)[number];

export const ESP_NAMES: Record<EspId, string> = {
  braze: 'Braze',
  klaviyo: 'Klaviyo',
  hubspot: 'HubSpot',
  sfmc: 'Salesforce Marketing Cloud',
  mailchimp: 'Mailchimp',
};

/** Tailor token (a field, a score, `segment:<name>`) → the ESP's attribute name. */
export type EspFieldMap = Readonly<Record<string, string>>;

/** Something the target cannot express, said out loud instead of silently dropped. */
export interface DialectWarning {
  /**
   * 1-based, in the Liquid-bearing HTML that was converted; null when unknown. Export and its
   * preview report the author's line in the template instead (`warning-lines.ts`).
   */
  line: number | null;
  /** The Liquid construct as written, e.g. `{% for item in orders %}`. */
  construct: string;
  message: string;
  /** `info` says how something was carried over (a derived attribute), not that something was lost; absent means a warning. */
  level?: 'info' | 'warning';
}

export interface DialectOutput {
  esp: EspId;
  /** The HTML with every token, fallback, condition and loop in the ESP's syntax. */
  source: string;
  warnings: DialectWarning[];
  /** Tailor tokens the output reads, with the ESP attribute each became: the audience CSV's columns. */
  attributes: DialectAttribute[];
}

/**
 * One column of the audience CSV. `kind` says where its value comes from: an
 * imported field, a computed score (`rfm_tier`, `churn_probability`), a
 * segment (token `segment:<name>`), which holds SEGMENT_MEMBER_VALUE for the
 * segment's members and SEGMENT_NON_MEMBER_VALUE for everyone else, or a
 * value the ESP cannot compute (`derived`, token `derived:<attribute>`):
 * `expression` is the Liquid it stands for, rendered per contact by Tailor.
 */
export interface DialectAttribute {
  token: string;
  attribute: string;
  kind?: 'field' | 'score' | 'segment' | 'derived';
  /** For `derived`: the Liquid expression (no braces), e.g. `birth_date | date: '%B %-d'`. */
  expression?: string;
}

export const DERIVED_TOKEN_PREFIX = 'derived:';

export const SEGMENT_MEMBER_VALUE = 'true';
export const SEGMENT_NON_MEMBER_VALUE = 'false';

/**
 * ESPs whose contact import keeps numbers, booleans and lists typed (Braze's CSV import reads TRUE/FALSE as a Boolean
 * custom attribute [B-import]; Klaviyo profile properties are typed [K8]); HubSpot, SFMC and Mailchimp store what the
 * CSV says, as text.
 */
export const TYPED_ATTRIBUTES: Record<EspId, boolean> = { braze: true, klaviyo: true, hubspot: false, sfmc: false, mailchimp: false };
