export { rowChecker, type RowChecker } from './check-row';
export type { ActedFinding, Finding } from './finding';
export { ROLES, type FieldRoles } from './roles';
export type { RowInput, RuleEnv } from './row-input';
export {
  DEFAULT_MIN_FILLED,
  MinFilled,
  RULE_NAMES,
  RULES,
  RequiredFields,
  RuleAction,
  RuleName,
  RuleSetting,
  ValidationRule,
  resolveRules,
} from './rule-catalogue';
export { checkAmount } from './rules/amounts';
export { checkBirthDateAge } from './rules/birth-date-age';
export { checkCompleteness, checkRequired } from './rules/completeness';
export { checkEmailSyntax, checkEmailTypo } from './rules/email';
export { checkFutureDate } from './rules/future-dates';
export { checkPhone, readPhone, type PhoneReading } from './rules/phone';
