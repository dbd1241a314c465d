import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SurvivorshipConfigInput } from '../../../shared/contract/schemas';
import { SURVIVORSHIP_RULES, type SurvivorshipRule } from '../../../shared/dedup/survivorship';
import { errorMessage, useApi } from '../../api/queries';
import { api } from '../../api/transport';
import { Dialog } from '../../ui/Dialog';

const RULE_TEXT: Record<SurvivorshipRule, string> = {
  most_recent: 'Most recent',
  most_complete: 'Most complete',
  preferred_source: 'Preferred source',
};

/** Which value a merge keeps, per field: a default rule, overrides per field, and the trusted import files in order. */
export function SurvivorshipDialog({ rules, onClose }: { rules: SurvivorshipConfigInput; onClose: () => void }) {
  const fields = useApi('customers.fields', {});
  const imports = useApi('imports.list', {});
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    default: rules.default,
    fields: rules.fields ?? {},
    preferredSources: rules.preferredSources ?? [],
  });
  const [problem, setProblem] = useState<string | null>(null);
  const files = [...new Set((imports.data ?? []).filter((i) => i.entity === 'customers').map((i) => i.file))];

  const save = async () => {
    try {
      await api.call('dedup.saveRules', draft);
      await queryClient.invalidateQueries({ queryKey: ['dedup.rules'] });
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const setField = (key: string, rule: string) => {
    const next = { ...draft.fields };
    if (rule === '') delete next[key];
    else next[key] = rule as SurvivorshipRule;
    setDraft({ ...draft, fields: next });
  };
  const toggleSource = (file: string) =>
    setDraft({
      ...draft,
      preferredSources: draft.preferredSources.includes(file)
        ? draft.preferredSources.filter((f) => f !== file)
        : [...draft.preferredSources, file],
    });

  return (
    <Dialog
      title="Which values a merge keeps"
      description="Blank values never replace a value, and equal values keep the survivor's. Most recent: the record updated last. Most complete: the longer value. Preferred source: the record from the file ticked first."
      onClose={onClose}
      width={640}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" onClick={() => void save()}>
            Save
          </button>
        </>
      }
    >
      {problem && <div className="alert alert-danger">{problem}</div>}
      <label className="field">
        <span>Every field</span>
        <select
          className="select"
          aria-label="Default rule"
          value={draft.default}
          onChange={(event) => setDraft({ ...draft, default: event.target.value as SurvivorshipRule })}
        >
          {SURVIVORSHIP_RULES.map((rule) => (
            <option key={rule} value={rule}>
              {RULE_TEXT[rule]}
            </option>
          ))}
        </select>
      </label>
      <h3 style={{ fontSize: 13 }}>Preferred sources, in order</h3>
      {files.length === 0 && <p className="muted">No customer imports yet.</p>}
      {files.map((file) => {
        const rank = draft.preferredSources.indexOf(file);
        return (
          <label key={file} style={{ display: 'block' }}>
            <input type="checkbox" checked={rank >= 0} onChange={() => toggleSource(file)} /> {rank >= 0 ? `${rank + 1}. ` : ''}
            {file}
          </label>
        );
      })}
      <h3 style={{ fontSize: 13 }}>Per field</h3>
      <div style={{ maxHeight: 240, overflow: 'auto' }}>
        <table className="table" aria-label="Rule per field">
          <tbody>
            {(fields.data ?? [])
              .filter((field) => field.key !== 'id')
              .map((field) => (
                <tr key={field.key}>
                  <td>{field.label}</td>
                  <td>
                    <select
                      className="select"
                      aria-label={`Rule for ${field.label}`}
                      value={draft.fields[field.key] ?? ''}
                      onChange={(event) => setField(field.key, event.target.value)}
                    >
                      <option value="">As every field</option>
                      {SURVIVORSHIP_RULES.map((rule) => (
                        <option key={rule} value={rule}>
                          {RULE_TEXT[rule]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
