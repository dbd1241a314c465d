import {
  DEFAULT_INTENT_WEIGHTS,
  DEFAULT_INTENT_WINDOW_DAYS,
  IntentStartInput,
  type IntentSettings,
} from '../../../shared/scores/intent/intent-settings';
import type { Input } from '../../../shared/contract/contract';

/** The settings form as typed: text boxes, so a half-typed number is kept until it is checked on Run. */
export interface IntentForm {
  asOf: string;
  windowDays: string;
  /** Empty: no decay. */
  halfLifeDays: string;
  weights: { type: string; weight: string }[];
}

export const formFromSettings = (settings: IntentSettings | null, asOf: string): IntentForm => ({
  asOf,
  windowDays: String(settings?.windowDays ?? DEFAULT_INTENT_WINDOW_DAYS),
  halfLifeDays: settings?.halfLifeDays === null || settings?.halfLifeDays === undefined ? '' : String(settings.halfLifeDays),
  weights: Object.entries(settings?.weights ?? DEFAULT_INTENT_WEIGHTS).map(([type, weight]) => ({ type, weight: String(weight) })),
});

/** The form as `intent.start` input, or the first problem in words (checked with the contract's own schema). */
export function startInput(form: IntentForm): { ok: true; input: Input<'intent.start'> } | { ok: false; message: string } {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const weights: Record<string, number> = {};
  for (const { type, weight } of form.weights) {
    if (!type.trim()) continue;
    if (Object.hasOwn(weights, type.trim())) return { ok: false, message: `"${type.trim()}" is listed twice.` };
    const value = number(weight);
    if (!Number.isFinite(value)) return { ok: false, message: `Give "${type.trim()}" a number as its weight.` };
    weights[type.trim()] = value;
  }
  const input = {
    asOf: form.asOf,
    windowDays: number(form.windowDays),
    halfLifeDays: form.halfLifeDays.trim() === '' ? null : number(form.halfLifeDays),
    weights,
  };
  const parsed = IntentStartInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Check the settings.' };
  return { ok: true, input };
}
