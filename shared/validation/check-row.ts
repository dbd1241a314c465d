import type { ActedFinding, Finding } from './finding';
import type { FieldRoles } from './roles';
import type { RuleName, ValidationRule } from './rule-catalogue';
import type { RowInput, RuleEnv } from './row-input';
import { checkAmount } from './rules/amounts';
import { checkBirthDateAge } from './rules/birth-date-age';
import { checkCompleteness, checkRequired } from './rules/completeness';
import { checkEmailSyntax, checkEmailTypo } from './rules/email';
import { checkFutureDate } from './rules/future-dates';
import { checkPhone } from './rules/phone';

/** A row's checker for one import: the rules that are on, for one entity's fields. */
export type RowChecker = (row: RowInput) => ActedFinding[];

/**
 * Every finding of every rule that is on, in catalogue order, each with its
 * action. A row is rejected when any finding says reject; all findings are
 * reported, so a fixed file does not fail again for the next reason.
 */
export function rowChecker(rules: readonly ValidationRule[], roles: FieldRoles, env: RuleEnv): RowChecker {
  const on = new Map(rules.filter((rule) => rule.action !== 'off').map((rule) => [rule.name, rule]));
  const has = (name: RuleName): boolean => on.has(name);
  const required = on.get('required_fields')?.requiredFields ?? [];
  const minFilled = on.get('completeness')?.minFilled;
  return (row) => {
    const found: Finding[] = [];
    const add = (finding: Finding | null): void => {
      if (finding !== null) found.push(finding);
    };
    const email = roles.email === undefined ? undefined : row.cells.get(roles.email);
    if (email !== undefined) {
      const syntax = has('email_syntax') || has('email_typo') ? checkEmailSyntax(email) : null;
      if (has('email_syntax')) add(syntax);
      // A typo suggestion for an address that is not one would only add noise.
      if (has('email_typo') && syntax === null) add(checkEmailTypo(email));
    }
    const phone = roles.phone === undefined ? undefined : row.cells.get(roles.phone);
    if (phone !== undefined && has('phone_validity')) add(checkPhone(phone, env.parse));
    if (has('birth_date_age') && roles.birthDate !== undefined) {
      const birth = row.cells.get(roles.birthDate);
      const ageKey = roles.age.find((key) => row.cells.has(key));
      const age = ageKey === undefined ? undefined : row.cells.get(ageKey);
      if (birth !== undefined && age !== undefined) add(checkBirthDateAge(birth, age, env));
    }
    if (has('future_dates')) {
      for (const { key, what, time } of roles.pastDates) {
        const text = row.cells.get(key);
        if (text !== undefined) add(checkFutureDate(text, what, time, env));
      }
    }
    if (has('amounts')) {
      for (const { key, what } of roles.amounts) {
        const text = row.cells.get(key);
        if (text !== undefined) add(checkAmount(text, what, env.parse));
      }
    }
    if (required.length > 0) found.push(...checkRequired(row, required));
    if (minFilled !== undefined) add(checkCompleteness(row, minFilled));
    return found.map((finding) => {
      const action = on.get(finding.rule)?.action;
      return { ...finding, action: action === 'reject' ? 'reject' : 'flag' };
    });
  };
}
