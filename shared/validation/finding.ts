import type { RuleAction, RuleName } from './rule-catalogue';

/** What one rule found wrong with one row. */
export interface Finding {
  rule: RuleName;
  message: string;
  /** A likely correction ("maria@gmail.com"), when the rule has one. */
  suggestion?: string;
}

/** A finding with what the workspace says to do about it. */
export interface ActedFinding extends Finding {
  action: Exclude<RuleAction, 'off'>;
}
