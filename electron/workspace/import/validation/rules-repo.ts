import { z } from 'zod';
import { ContractError } from '../../../../shared/contract/envelope';
import {
  MinFilled,
  RequiredFields,
  resolveRules,
  RuleAction,
  RuleName,
  type RuleSetting,
  type ValidationRule,
} from '../../../../shared/validation';
import type { Db } from '../../db';

/** A workspace's validation rules: the stored overrides over the catalogue's defaults. */

const Options = z.object({ requiredFields: RequiredFields.optional(), minFilled: MinFilled.optional() });

interface StoredRow {
  name: string;
  action: string;
  options: string;
}

function readOptions(json: string): z.infer<typeof Options> {
  try {
    const parsed = Options.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function listRules(db: Db): ValidationRule[] {
  const stored: RuleSetting[] = [];
  for (const row of db.prepare('SELECT name, action, options FROM validation_rules').all() as StoredRow[]) {
    const name = RuleName.safeParse(row.name);
    const action = RuleAction.safeParse(row.action);
    // A rule this version does not know (saved by a newer Tailor) is left alone and not applied.
    if (name.success && action.success) stored.push({ name: name.data, action: action.data, ...readOptions(row.options) });
  }
  return resolveRules(stored);
}

/** Change a rule's action and options; options left out keep their stored values. */
export function setRule(db: Db, setting: RuleSetting): ValidationRule[] {
  const current = listRules(db).find((rule) => rule.name === setting.name);
  if (current === undefined) throw new ContractError('not_found', `There is no validation rule named ${setting.name}.`);
  const options = {
    requiredFields: setting.requiredFields ?? current.requiredFields,
    minFilled: setting.minFilled ?? current.minFilled,
  };
  db.prepare(
    `INSERT INTO validation_rules (name, action, options) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET action = excluded.action, options = excluded.options`,
  ).run(setting.name, setting.action, JSON.stringify(options));
  return listRules(db);
}
