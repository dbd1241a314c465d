import type { FieldPolicy, ImportPolicy } from '../../../shared/contract/schemas';
import { POLICY_LABELS } from '../../../shared/imports/policy';
import { useApi } from '../../api/queries';

const POLICIES: readonly FieldPolicy[] = ['overwrite', 'keep', 'fill-blanks'];

const HINTS: Record<FieldPolicy, string> = {
  overwrite: 'the file’s values replace theirs (an empty cell never erases)',
  keep: 'their values never change',
  'fill-blanks': 'only their empty fields take the file’s values',
};

/**
 * What a customers import does to customers already in the workspace (matched by id, else email): one policy
 * for every field, and exceptions for chosen fields. New customers always get every value.
 */
export function PolicyChoice({ value, onChange }: { value: ImportPolicy; onChange: (next: ImportPolicy) => void }) {
  const fields = useApi('customers.fields', {});
  const exceptions = Object.entries(value.fields);
  const choosable = (fields.data ?? []).filter((field) => field.key !== 'id' && !(field.key in value.fields));
  const setField = (key: string, policy: FieldPolicy | null) => {
    const next = { ...value.fields };
    if (policy === null) delete next[key];
    else next[key] = policy;
    onChange({ ...value, fields: next });
  };
  const labelOf = (key: string) => fields.data?.find((field) => field.key === key)?.label ?? key;

  return (
    <fieldset className="card" style={{ display: 'grid', gap: 8, padding: 12, marginBottom: 12 }} aria-label="Customers already here">
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <b style={{ fontSize: 13 }}>Customers already here</b>
        <div className="segmented" role="group" aria-label="Re-import policy">
          {POLICIES.map((policy) => (
            <button
              key={policy}
              type="button"
              aria-pressed={value.default === policy}
              onClick={() => onChange({ ...value, default: policy })}
            >
              {POLICY_LABELS[policy]}
            </button>
          ))}
        </div>
        <span className="muted" style={{ fontSize: 12 }}>
          {HINTS[value.default]}.
        </span>
      </div>
      {exceptions.map(([key, policy]) => (
        <div key={key} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <span style={{ minWidth: 140 }}>{labelOf(key)}</span>
          <select
            className="select"
            aria-label={`Policy for ${labelOf(key)}`}
            value={policy}
            onChange={(event) => setField(key, event.target.value as FieldPolicy)}
          >
            {POLICIES.map((option) => (
              <option key={option} value={option}>
                {POLICY_LABELS[option]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            aria-label={`Remove the exception for ${labelOf(key)}`}
            onClick={() => setField(key, null)}
          >
            Remove
          </button>
        </div>
      ))}
      {choosable.length > 0 && (
        <label className="toggle" style={{ justifySelf: 'start' }}>
          Except for
          <select
            className="select"
            aria-label="Add a field with its own policy"
            value=""
            onChange={(event) => event.target.value && setField(event.target.value, value.default === 'overwrite' ? 'keep' : 'overwrite')}
          >
            <option value="">a field…</option>
            {choosable.map((field) => (
              <option key={field.key} value={field.key}>
                {field.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
