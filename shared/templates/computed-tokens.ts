import { toPascalAlias } from '../fields/naming';
import { SCORE_NAMES, type ScoreName } from '../scores/score-names';
import type { LiquidContext } from './customer-context';
import type { LiquidValue } from './typed-value';

/**
 * What Tailor computed about one customer, as a template sees it: the scores
 * the models wrote (numbers stay numbers, so `churn_probability > 0.5`
 * compares numerically) and the names of the segments the customer is in.
 */
export interface ComputedTokens {
  scores: Partial<Record<ScoreName, number | string>>;
  segments: string[];
  /**
   * Token names (scores, `segments`) that an imported field of this workspace
   * already uses. The imported column keeps the plain name in every render,
   * whether or not this customer has a value in it, so a template never reads
   * one column for some customers and a score for others; the computed value
   * stays reachable as `computed.<name>`.
   */
  shadowed: string[];
}

/** The namespace that always holds the computed values, whatever the imported columns are called. */
export const COMPUTED_NAMESPACE = 'computed';
export const SEGMENTS_TOKEN = 'segments';

/**
 * The customer's Liquid context with the computed tokens joined in: each
 * under its snake_case name and PascalCase alias, at the top and under
 * `customer.`, plus `computed.*` with all of them. A name an imported field
 * holds (`shadowed`, or already in the context) is left to the field.
 */
export function withComputedTokens(context: LiquidContext, computed: ComputedTokens | undefined): LiquidContext {
  if (!computed) return context;
  const values: Record<string, LiquidValue> = {};
  for (const name of SCORE_NAMES) {
    const value = computed.scores[name];
    if (value !== undefined) values[name] = value;
  }
  values[SEGMENTS_TOKEN] = [...computed.segments];

  const customer = context.customer;
  const flat: Record<string, LiquidValue> = typeof customer === 'object' && !Array.isArray(customer) ? { ...customer } : {};
  const top: LiquidContext = { ...context };
  const shadowed = new Set(computed.shadowed);
  const put = (key: string, value: LiquidValue) => {
    if (shadowed.has(key) || key in flat || key in top) return;
    flat[key] = value;
    top[key] = value;
  };
  for (const [name, value] of Object.entries(values)) {
    put(name, value);
    if (!shadowed.has(name)) put(toPascalAlias(name), value);
  }
  if (!(COMPUTED_NAMESPACE in top)) top[COMPUTED_NAMESPACE] = values;
  return { ...top, customer: flat };
}
