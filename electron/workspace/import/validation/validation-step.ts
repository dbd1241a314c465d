import type { ImportEntityName } from '../../../../shared/contract/schemas';
import { parseCountry, type ParseContext } from '../../../../shared/fields/types';
import { ROLES, rowChecker, type RowChecker } from '../../../../shared/validation';
import { stripTextMarker } from '../customers/steps';
import { next, reject, type ImportContext, type Step } from '../pipeline';
import { fileLocale } from '../sample-rows';
import { ensureScratchTables } from '../stager';
import { listRules } from './rules-repo';

/**
 * The workspace's validation rules as an import step. Every finding of every
 * rule that is on is recorded in import_findings (line, rule, action,
 * message, suggestion); a row with any reject finding is rejected with all of
 * its reject reasons, one after the other, so a fixed row does not fail again
 * for the next one. Flagged rows go on; the commit attaches their flags
 * (findings.ts).
 */
export function validationStep<T>(context: ImportContext, entity: ImportEntityName): Step<T> {
  const { db, importId, mapping } = context;
  const rules = listRules(db).filter((rule) => rule.appliesTo.includes(entity));
  const roles = ROLES[entity];
  const active = rules.filter((rule) => rule.action !== 'off');
  if (roles === undefined || active.length === 0) return { name: 'validation', run: () => next };

  const now = Date.now();
  // Values read as the import reads them: the file's locale (chosen or detected), and for phones the row's own country.
  const locale: ParseContext = { ...fileLocale(context), referenceTime: now };
  const checkers = new Map<string, RowChecker>();
  const checkerIn = (country: string | undefined): RowChecker => {
    const key = country ?? '';
    let checker = checkers.get(key);
    if (checker === undefined) {
      checker = rowChecker(active, roles, { now, parse: country === undefined ? locale : { ...locale, defaultCountry: country } });
      checkers.set(key, checker);
    }
    return checker;
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
  const columns = new Map(mapping.map((column) => [column.key, column.header]));
  // Read only the cells some rule looks at; completeness looks at all of them.
  const wanted = new Set<string>(
    active.some((rule) => rule.name === 'completeness')
      ? columns.keys()
      : [
          roles.email,
          roles.phone,
          roles.country,
          roles.birthDate,
          ...roles.age,
          ...roles.pastDates.map((date) => date.key),
          ...roles.amounts.map((amount) => amount.key),
          ...active.flatMap((rule) => (rule.name === 'required_fields' ? rule.requiredFields : [])),
        ].filter((key): key is string => key !== undefined),
  );
  const read = mapping.flatMap((column, index) => (wanted.has(column.key) ? [{ index, key: column.key }] : []));
  // The importing connection's scratch table (stager.ts): streaming never takes the workspace's write lock.
  ensureScratchTables(db);
  const record = db.prepare('INSERT INTO temp.import_found (import_id, line, rule, action, message, suggestion) VALUES (?, ?, ?, ?, ?, ?)');

  return {
    name: 'validation',
    run: (row) => {
      const cells = new Map<string, string>();
      for (const { index, key } of read) {
        const value = stripTextMarker((row.record.fields[index] ?? '').trim());
        if (value !== '') cells.set(key, value);
      }
      const findings = checkerIn(rowCountry(cells))({ cells, columns });
      if (findings.length === 0) return next;
      const line = row.record.line;
      for (const f of findings) record.run(importId, line, f.rule, f.action, f.message, f.suggestion ?? null);
      const reasons = findings.filter((f) => f.action === 'reject').map((f) => f.message);
      return reasons.length === 0 ? next : reject(reasons.join('; '));
    },
  };
}
