import { z } from 'zod';
import { AsOfDate } from '../as-of-date';

/** The event type a workspace's orders count as (unless it records purchases as events itself). */
export const PURCHASE_EVENT = 'purchase';

/** The weights a new workspace starts with; other event types can be added and these changed. */
export const DEFAULT_INTENT_WEIGHTS: Readonly<Record<string, number>> = { product_view: 3, cart_add: 5, [PURCHASE_EVENT]: 10 };
export const DEFAULT_INTENT_WINDOW_DAYS = 90;

const EventType = z.string().trim().min(1, 'Name the event type.').max(100);

/**
 * How intent is scored: each event of a weighted type in the window adds its
 * type's weight, halved every `halfLifeDays` of age when a half-life is set.
 * `threshold` is the "High intent" cut-off the user applied (kept with the
 * run, so the next run and the histogram show it).
 */
export const IntentSettings = z.object({
  asOf: AsOfDate,
  windowDays: z.number().int().min(1, 'The window is at least 1 day.').max(3650, 'Keep the window under ten years.'),
  halfLifeDays: z.number().positive('A half-life is more than 0 days.').max(3650).nullable(),
  weights: z
    .record(EventType, z.number().min(0, 'Weights are 0 or more.').max(1000, 'Keep weights at most 1000.'))
    .refine((weights) => Object.keys(weights).length <= 50, 'Weigh at most 50 event types.')
    .refine((weights) => Object.values(weights).some((weight) => weight > 0), 'Give at least one event type a weight above 0.'),
  threshold: z.number().min(0).nullable(),
});
export type IntentSettings = z.infer<typeof IntentSettings>;

/** What `intent.start` takes: every setting may be left out (defaults, or the previous run's threshold). */
export const IntentStartInput = z.object({
  asOf: AsOfDate.optional(),
  windowDays: IntentSettings.shape.windowDays.default(DEFAULT_INTENT_WINDOW_DAYS),
  halfLifeDays: IntentSettings.shape.halfLifeDays.default(null),
  weights: IntentSettings.shape.weights.default({ ...DEFAULT_INTENT_WEIGHTS }),
  threshold: IntentSettings.shape.threshold.optional(),
});
