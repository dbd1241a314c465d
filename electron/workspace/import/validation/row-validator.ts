import type { ImportEntityName } from '../../../../shared/contract/schemas';
import { parseCountry, type ParseContext } from '../../../../shared/fields/types';
import { readPhone, ROLES, rowChecker, type ActedFinding, type RowChecker, type ValidationRule } from '../../../../shared/validation';
import { stripTextMarker } from '../customers/steps';

/**
 * Validation of one row from its cells, with nothing but data: the plan is
 * plain JSON, so the same verdicts come from the import's own thread or from
 * its parse thread, which validates rows ahead while the import writes (see
 * ahead.ts).
 */
export interface ValidationPlan {
  entity: ImportEntityName;
  /** The rules that are on. */
  rules: ValidationRule[];
  /** The file's locale (chosen or detected), with its reference time. */
  locale: ParseContext;
  now: number;
  /** Field key and the header naming it, for messages. */
  columns: [string, string][];
  /** Cells some rule reads: index in the record's fields, field key. */
  read: { index: number; key: string }[];
}

/** A phone number as validation read it: in the row's country (or the file's), its E.164 form when valid. */
export interface PhoneVerdict {
  text: string;
  /** The default country it was read in ('' for none). */
  country: string;
  e164: string | null;
}

export interface RowVerdict {
  findings: ActedFinding[];
  phone?: PhoneVerdict;
}

export function rowValidator(plan: ValidationPlan): (fields: readonly string[]) => RowVerdict {
  const roles = ROLES[plan.entity];
  if (roles === undefined || plan.rules.length === 0) return () => ({ findings: [] });
  const { locale, now } = plan;
  const checkPhones = plan.rules.some((rule) => rule.name === 'phone_validity');
  const checkers = new Map<string, { checker: RowChecker; parse: ParseContext }>();
  const checkerIn = (country: string | undefined) => {
    const key = country ?? '';
    let entry = checkers.get(key);
    if (entry === undefined) {
      const parse = country === undefined ? locale : { ...locale, defaultCountry: country };
      entry = { checker: rowChecker(plan.rules, roles, { now, parse }), parse };
      checkers.set(key, entry);
    }
    return entry;
  };
  // Files repeat a few countries: each cell is read once (bounded, as a file may hold anything there).
  const countries = new Map<string, string | undefined>();
  const countryOf = (cell: string | undefined): string | undefined => {
    if (cell === undefined) return undefined;
    if (countries.has(cell)) return countries.get(cell);
    const country = parseCountry(cell, locale);
    const code = country.ok ? country.value.code : undefined;
    if (countries.size < 1000) countries.set(cell, code);
    return code;
  };
  // Only a phone number is read in the row's country.
  const rowCountry = (cells: ReadonlyMap<string, string>): string | undefined =>
    roles.phone === undefined || roles.country === undefined || !cells.has(roles.phone) ? undefined : countryOf(cells.get(roles.country));
  const columns = new Map(plan.columns);
  return (fields) => {
    const cells = new Map<string, string>();
    for (const { index, key } of plan.read) {
      const value = stripTextMarker((fields[index] ?? '').trim());
      if (value !== '') cells.set(key, value);
    }
    const { checker, parse } = checkerIn(rowCountry(cells));
    const findings = checker({ cells, columns });
    const phone = checkPhones && roles.phone !== undefined ? cells.get(roles.phone) : undefined;
    if (phone === undefined) return { findings };
    // The checker has just read this number: this is its remembered reading, not a second parse.
    return { findings, phone: { text: phone, country: parse.defaultCountry ?? '', e164: readPhone(phone, parse).e164 } };
  };
}
