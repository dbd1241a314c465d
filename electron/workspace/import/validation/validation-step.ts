import type { ImportEntityName } from '../../../../shared/contract/schemas';
import type { ParseContext } from '../../../../shared/fields/types';
import { ROLES } from '../../../../shared/validation';
import { next, reject, type ImportContext, type Row, type Step } from '../pipeline';
import { fileLocale } from '../sample-rows';
import { ensureScratchTables } from '../stager';
import { listRules } from './rules-repo';
import { rowValidator, type PhoneVerdict, type ValidationPlan } from './row-validator';

/**
 * The workspace's validation rules as an import step. Every finding of every
 * rule that is on is recorded in import_findings (line, rule, action,
 * message, suggestion); a row with any reject finding is rejected with all of
 * its reject reasons, one after the other, so a fixed row does not fail again
 * for the next one. Flagged rows go on; the commit attaches their flags
 * (findings.ts).
 *
 * The verdict itself is pure (row-validator.ts) and its plan is data, so the
 * parse thread computes it ahead for most rows (`ahead`, see ahead.ts); the
 * step then only records it. `onPhone` hands the row's phone reading on (the
 * customers import carries it to typing, so no number is parsed twice).
 */
export function validationStep<T>(
  context: ImportContext,
  entity: ImportEntityName,
  onPhone?: (row: Row<T>, phone: PhoneVerdict) => void,
): Step<T> {
  const { db, importId, mapping } = context;
  const rules = listRules(db).filter((rule) => rule.appliesTo.includes(entity));
  const roles = ROLES[entity];
  const active = rules.filter((rule) => rule.action !== 'off');
  if (roles === undefined || active.length === 0) return { name: 'validation', run: () => next };

  const now = Date.now();
  // Values read as the import reads them: the file's locale (chosen or detected), and for phones the row's own country.
  const locale: ParseContext = { ...fileLocale(context), referenceTime: now };
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
  const plan: ValidationPlan = {
    entity,
    rules: active,
    locale,
    now,
    columns: [...columns],
    read: mapping.flatMap((column, index) => (wanted.has(column.key) ? [{ index, key: column.key }] : [])),
  };
  const validate = rowValidator(plan);
  // The importing connection's scratch table (stager.ts): streaming never takes the workspace's write lock.
  ensureScratchTables(db);
  const record = db.prepare('INSERT INTO temp.import_found (import_id, line, rule, action, message, suggestion) VALUES (?, ?, ?, ?, ?, ?)');

  return {
    name: 'validation',
    ahead: { validation: plan },
    run: (row) => {
      const verdict = row.record.ahead?.validation ?? validate(row.record.fields);
      if (verdict.phone !== undefined) onPhone?.(row, verdict.phone);
      const { findings } = verdict;
      if (findings.length === 0) return next;
      const line = row.record.line;
      for (const f of findings) record.run(importId, line, f.rule, f.action, f.message, f.suggestion ?? null);
      const reasons = findings.filter((f) => f.action === 'reject').map((f) => f.message);
      return reasons.length === 0 ? next : reject(reasons.join('; '));
    },
  };
}
