/** A rule the user has to fix: an unknown field, a missing value, a value its field's type cannot read. */
export class RuleError extends Error {}

export type SqlParam = string | number;
