import { useState } from 'react';
import { toast } from 'sonner';
import type { RuleAction, ValidationRule } from '../../../shared/validation/rule-catalogue';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';

const ACTIONS: { value: RuleAction; label: string }[] = [
  { value: 'reject', label: 'Reject the row' },
  { value: 'flag', label: 'Flag, and import' },
  { value: 'off', label: 'Off' },
];

/** The workspace's validation rules, each set to reject, flag or off; changes apply to the next import. */
export function ValidationRulesPanel() {
  const rules = useApi('validation.rules', {});
  const setRule = useApiMutation('validation.setRule');
  const save = (input: Parameters<typeof setRule.mutateAsync>[0]) =>
    setRule.mutateAsync(input).catch((error: unknown) => toast.error(errorMessage(error)));
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <div className="muted">
        Each import checks its rows against these rules. A rejected row is not imported (export the rejected rows from the import report,
        fix them and import the file again); a flagged row is imported with the flag shown on the customer.
      </div>
      <table className="table" aria-label="Validation rules">
        <thead>
          <tr>
            <th>Rule</th>
            <th>What it checks</th>
            <th>When it fails</th>
          </tr>
        </thead>
        <tbody>
          {(rules.data ?? []).map((rule) => (
            <tr key={rule.name} data-testid={`rule-${rule.name}`}>
              <td>
                <b>{rule.label}</b>
                <div className="muted" style={{ fontSize: 12 }}>
                  {rule.appliesTo.join(', ')}
                </div>
              </td>
              <td style={{ whiteSpace: 'normal' }}>
                {rule.description}
                <RuleOptions rule={rule} onSave={save} />
              </td>
              <td>
                <select
                  className="select"
                  aria-label={`${rule.label}: when it fails`}
                  value={rule.action}
                  onChange={(e) => void save({ name: rule.name, action: e.target.value as RuleAction })}
                >
                  {ACTIONS.map((action) => (
                    <option key={action.value} value={action.value}>
                      {action.label}
                      {action.value === rule.defaultAction ? ' (default)' : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Save = (input: { name: ValidationRule['name']; action: RuleAction; requiredFields?: string[]; minFilled?: number }) => unknown;

/** The two rules with a setting: which fields are required, and how many a complete row fills. */
function RuleOptions({ rule, onSave }: { rule: ValidationRule; onSave: Save }) {
  const [text, setText] = useState(rule.name === 'required_fields' ? rule.requiredFields.join(', ') : String(rule.minFilled));
  if (rule.name === 'required_fields') {
    return (
      <input
        className="input"
        style={{ marginTop: 6, width: '100%' }}
        aria-label="Required fields"
        placeholder="Field keys, comma-separated: email, first_name, order_id"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() =>
          void onSave({
            name: rule.name,
            action: rule.action,
            requiredFields: text
              .split(',')
              .map((key) => key.trim())
              .filter((key) => key !== ''),
          })
        }
      />
    );
  }
  if (rule.name === 'completeness') {
    return (
      <label style={{ display: 'flex', gap: 6, alignItems: 'center', marginTop: 6 }}>
        At least
        <input
          className="input"
          type="number"
          min={1}
          style={{ width: 70 }}
          aria-label="Fields a row must fill"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => {
            const minFilled = Number(text);
            if (Number.isInteger(minFilled) && minFilled >= 1) void onSave({ name: rule.name, action: rule.action, minFilled });
          }}
        />
        fields filled
      </label>
    );
  }
  return null;
}
