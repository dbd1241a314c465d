import type { Finding } from '../finding';
import type { RuleEnv } from '../row-input';
import { ageAt, dateMillis } from './dates';

/**
 * The stated age and the birth date disagree by more than a year (an export
 * can be a year old; more than that is a wrong birth date or a wrong age).
 */
export function checkBirthDateAge(birthText: string, ageText: string, env: RuleEnv): Finding | null {
  const birth = dateMillis(birthText, env.parse, false);
  const stated = Number(ageText.replace(',', '.'));
  if (birth === null || !Number.isFinite(stated)) return null;
  const actual = ageAt(birth, env.now);
  if (Math.abs(actual - Math.floor(stated)) <= 1) return null;
  return {
    rule: 'birth_date_age',
    message: `birth date "${birthText}" makes this customer ${actual}, but the age column says ${ageText}`,
  };
}
