import { z } from 'zod';

/**
 * What the email lint checks against, saved per workspace: the email clients
 * the team cares about (caniemail `family.platform` ids, or `family.*`) and
 * the UTM parameters every tracked link must carry (empty: not required).
 */
export const LintSettings = z.object({
  clients: z
    .array(z.string().regex(/^[a-z0-9-]+\.([a-z0-9-]+|\*)$/, 'A client is family.platform, e.g. gmail.desktop-webmail or gmail.*'))
    .max(64),
  requiredUtm: z.array(z.string().regex(/^utm_[a-z_]+$/, 'A UTM parameter starts with utm_, e.g. utm_source.')).max(8),
});
export type LintSettings = z.infer<typeof LintSettings>;

/** What a workspace starts with: the clients most lists are read in, no UTM requirement. */
export const DEFAULT_LINT_SETTINGS: LintSettings = {
  clients: ['gmail.*', 'outlook.windows', 'outlook.outlook-com', 'apple-mail.*', 'yahoo.desktop-webmail'],
  requiredUtm: [],
};

/** One client caniemail has data for, with its readable name ("Outlook · Windows"). */
export const EmailClient = z.object({ id: z.string(), label: z.string() });
export type EmailClient = z.infer<typeof EmailClient>;
