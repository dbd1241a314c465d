import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { TokenFormat, type TokenDictionaryEntry } from '../../../shared/contract/token-schemas';
import { dictionaryEntryProblem, dictionaryExpression } from '../../../shared/templates/token-dictionary';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { unknownFieldNote } from '../../../shared/templates/dictionary-field-note';

const FORMAT_LABEL: Record<TokenFormat, string> = {
  text: 'Text',
  number: 'Number',
  money: 'Money',
  date: 'Date',
  'date-time': 'Date and time',
};

/** What the format's argument means, as the input's placeholder. */
const ARG_HINT: Record<TokenFormat, string | null> = {
  text: null,
  number: 'decimals, e.g. 0',
  money: 'currency, e.g. EUR',
  date: '%B %-d, %Y',
  'date-time': '%B %-d, %Y %H:%M',
};

const blank = (): TokenDictionaryEntry => ({ name: '', field: '', fallback: null, format: 'text', formatArg: null });

/**
 * The workspace's token dictionary: the names designers write, the field
 * each reads, its fallback and format. Previews, export and completion use
 * it; each row shows the Liquid it stands for (what an export writes).
 */
export function DictionaryDialog({ onClose }: { onClose: () => void }) {
  const stored = useApi('tokens.dictionary', {});
  const fields = useApi('customers.fields', {});
  const computed = useApi('tokens.computed', {});
  const save = useApiMutation('tokens.saveDictionary');
  const queryClient = useQueryClient();
  // Null until edited: the stored dictionary is shown.
  const [edited, setRows] = useState<TokenDictionaryEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const rows = edited ?? (stored.data ? (stored.data.length > 0 ? stored.data : [blank()]) : null);

  const fieldNames = [...(fields.data ?? []).map((f) => f.key), ...(computed.data?.scores ?? []).map((s) => s.name)];
  // Only once both lists are in: a field is not unknown while they load.
  const knownFields = fields.data && computed.data ? fieldNames : null;
  const update = (index: number, change: Partial<TokenDictionaryEntry>) => {
    setSaved(false);
    setRows((rows ?? []).map((row, i) => (i === index ? { ...row, ...change } : row)));
  };
  // Rows left without a name or field are unfinished, not errors: they are not saved.
  const complete = (rows ?? []).filter((row) => row.name.trim() !== '' && row.field.trim() !== '');
  const firstProblem = complete.map(dictionaryEntryProblem).find((p) => p !== null) ?? null;

  const onSave = async () => {
    try {
      const result = await save.mutateAsync({ entries: complete });
      await Promise.all(['tokens.dictionary', 'preview.render'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      setRows(result.length > 0 ? result : [blank()]);
      setProblem(null);
      setSaved(true);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Dialog
      title="Token dictionary"
      description="Tokens for this workspace: the name templates write, the field it reads, a fallback when the customer has no value, and a format. Previews and exports apply them."
      onClose={onClose}
      width="min(1000px, calc(100vw - 48px))"
      footer={
        <>
          {saved && (
            <span className="muted" role="status">
              Saved
            </span>
          )}
          <button className="btn" onClick={onClose}>
            Close
          </button>
          <button className="btn btn-primary" disabled={save.isPending || firstProblem !== null} onClick={() => void onSave()}>
            Save dictionary
          </button>
        </>
      }
    >
      <datalist id="dictionary-fields">
        {fieldNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="dictionary-table" role="table" aria-label="Token dictionary">
        <div role="row" className="dictionary-row dictionary-head">
          <span role="columnheader">Token</span>
          <span role="columnheader">Field</span>
          <span role="columnheader">Fallback</span>
          <span role="columnheader">Format</span>
          <span role="columnheader">Format detail</span>
          <span role="columnheader" aria-label="Remove" />
        </div>
        {(rows ?? []).map((row, index) => {
          const n = index + 1;
          const rowProblem = row.name && row.field ? dictionaryEntryProblem(row) : null;
          const fieldNote = rowProblem === null ? unknownFieldNote(row, knownFields) : null;
          return (
            <div role="row" className="dictionary-row" key={index}>
              <input
                className="input mono"
                aria-label={`Token ${n}`}
                placeholder="member_since"
                value={row.name}
                spellCheck={false}
                onChange={(e) => update(index, { name: e.target.value })}
              />
              <input
                className="input mono"
                aria-label={`Field ${n}`}
                list="dictionary-fields"
                placeholder="signup_date"
                value={row.field}
                spellCheck={false}
                onChange={(e) => update(index, { field: e.target.value })}
              />
              <input
                className="input"
                aria-label={`Fallback ${n}`}
                placeholder="(none)"
                value={row.fallback ?? ''}
                onChange={(e) => update(index, { fallback: e.target.value === '' ? null : e.target.value })}
              />
              <select
                className="select"
                aria-label={`Format ${n}`}
                value={row.format}
                onChange={(e) => update(index, { format: TokenFormat.parse(e.target.value), formatArg: null })}
              >
                {TokenFormat.options.map((format) => (
                  <option key={format} value={format}>
                    {FORMAT_LABEL[format]}
                  </option>
                ))}
              </select>
              <input
                className="input mono"
                aria-label={`Format detail ${n}`}
                placeholder={ARG_HINT[row.format] ?? ''}
                disabled={ARG_HINT[row.format] === null}
                value={row.formatArg ?? ''}
                onChange={(e) => update(index, { formatArg: e.target.value === '' ? null : e.target.value })}
              />
              <button
                className="btn btn-ghost btn-sm"
                aria-label={`Remove token ${n}`}
                onClick={() => setRows((rows ?? []).filter((_, i) => i !== index))}
              >
                ✕
              </button>
              <code className="dictionary-expression" data-testid="dictionary-expression" data-problem={rowProblem !== null}>
                {rowProblem ?? (row.name && row.field ? `{{ ${row.name} }} → {{ ${dictionaryExpression(row)} }}` : '')}
              </code>
              {fieldNote && (
                <span className="dictionary-field-note" data-testid="dictionary-field-note">
                  {fieldNote}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <button className="btn btn-sm" style={{ justifySelf: 'start' }} onClick={() => setRows([...(rows ?? []), blank()])}>
        + Add token
      </button>
      {problem && (
        <div className="alert alert-danger" role="alert">
          {problem}
        </div>
      )}
    </Dialog>
  );
}
