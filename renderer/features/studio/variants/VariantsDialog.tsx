import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type CSSProperties } from 'react';
import { TemplateVariants, type TemplateVariant } from '../../../../shared/contract/authoring-schemas';
import type { Persona } from '../../../../shared/contract/schemas';
import { errorMessage, useApi, useApiMutation } from '../../../api/queries';
import { Dialog } from '../../../ui/Dialog';
import { useRenderInputsVersion } from '../../partials/render-inputs-version';
import { useVariantPreviews } from './use-variant-previews';
import { VariantFrame } from './VariantFrame';

const START: TemplateVariant[] = [
  { name: 'A', split: 50, subject: null },
  { name: 'B', split: 50, subject: null },
];

/** The snippet that gives a body block a second version. */
export const VARIANT_BLOCK = "{% if variant == 'B' %}\n  Variant B's version\n{% else %}\n  Variant A's version\n{% endif %}";

/** The subject a rendered email shows in the inbox: its <title>. DOMParser runs no script and loads nothing. */
const subjectOf = (html: string | null): string | null =>
  html === null ? null : new DOMParser().parseFromString(html, 'text/html').title.trim() || null;

/**
 * A template's A/B variants: name, split and subject per variant, body
 * blocks written as `{% if variant == 'B' %}` in the template; below, the
 * chosen persona's email in every variant side by side.
 */
export function VariantsDialog({
  templateId,
  templateName,
  source,
  personas,
  onClose,
  onInsert,
}: {
  templateId: number;
  templateName: string;
  source: string | null;
  personas: readonly Persona[];
  onClose: () => void;
  onInsert: (text: string) => void;
}) {
  const stored = useApi('templates.variants', { id: templateId });
  const saveVariants = useApiMutation('templates.saveVariants');
  const queryClient = useQueryClient();
  // Null until edited: the stored variants are shown.
  const [edited, setRows] = useState<TemplateVariant[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [personaId, setPersonaId] = useState<number | null>(personas[0]?.id ?? null);

  const list = useMemo(() => edited ?? stored.data ?? [], [edited, stored.data]);
  const checked = TemplateVariants.safeParse(list);
  const invalid = checked.success ? null : (checked.error.issues[0]?.message ?? 'These variants are not valid.');
  const total = list.reduce((sum, v) => sum + v.split, 0);
  const previews = useVariantPreviews(source, checked.success ? list : [], personaId, useRenderInputsVersion());

  const update = (index: number, change: Partial<TemplateVariant>) => {
    setSaved(false);
    setRows(list.map((row, i) => (i === index ? { ...row, ...change } : row)));
  };
  const onSave = async (variants: TemplateVariant[]) => {
    try {
      const result = await saveVariants.mutateAsync({ id: templateId, variants });
      await queryClient.invalidateQueries({ queryKey: ['templates.variants'] });
      setRows(result);
      setProblem(null);
      setSaved(true);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Dialog
      title={`A/B variants · ${templateName}`}
      description={
        <>
          Each variant can have its own subject. For a body block, wrap its versions in <code>{"{% if variant == 'B' %}"}</code>: every
          preview and export sets <code>variant</code> to the variant&apos;s name. Once saved, the Variant switch above the previews shows
          every persona in the variant you pick.
        </>
      }
      onClose={onClose}
      width="min(1180px, calc(100vw - 48px))"
      footer={
        <>
          {saved && (
            <span className="muted" role="status">
              Saved
            </span>
          )}
          {list.length > 0 && (
            <button className="btn" onClick={() => void onSave([])} title="Remove the variants; the template stays as it is">
              End A/B test
            </button>
          )}
          <button className="btn" onClick={onClose}>
            Close
          </button>
          <button className="btn btn-primary" disabled={invalid !== null || saveVariants.isPending} onClick={() => void onSave(list)}>
            Save variants
          </button>
        </>
      }
    >
      {list.length === 0 ? (
        <div className="empty card">
          <h2>Not an A/B test yet</h2>
          Start one with variants A and B, half the recipients each.
          <button className="btn btn-primary btn-sm" onClick={() => setRows(START)}>
            Start A/B test
          </button>
        </div>
      ) : (
        <>
          <div className="variant-rows" role="table" aria-label="Variants">
            <div role="row" className="variant-row variant-head">
              <span role="columnheader">Name</span>
              <span role="columnheader">Split</span>
              <span role="columnheader">Subject line</span>
              <span role="columnheader" aria-label="Remove" />
            </div>
            {list.map((variant, index) => {
              const n = index + 1;
              return (
                <div role="row" className="variant-row" key={index}>
                  <input
                    className="input mono"
                    aria-label={`Variant ${n} name`}
                    value={variant.name}
                    onChange={(e) => update(index, { name: e.target.value })}
                  />
                  <label className="variant-split">
                    <input
                      className="input"
                      type="number"
                      min={0}
                      max={100}
                      aria-label={`Variant ${n} split`}
                      value={variant.split}
                      onChange={(e) => update(index, { split: Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))) })}
                    />
                    %
                  </label>
                  <input
                    className="input"
                    aria-label={`Variant ${n} subject`}
                    placeholder="Subject (blank: the template's own)"
                    value={variant.subject ?? ''}
                    onChange={(e) => update(index, { subject: e.target.value === '' ? null : e.target.value })}
                  />
                  <button
                    className="btn btn-ghost btn-sm"
                    aria-label={`Remove variant ${n}`}
                    disabled={list.length <= 2}
                    onClick={() => setRows(list.filter((_, i) => i !== index))}
                  >
                    ✕
                  </button>
                </div>
              );
            })}
          </div>
          <div className="variant-tools">
            <button
              className="btn btn-sm"
              disabled={list.length >= 6}
              onClick={() => setRows([...list, { name: String.fromCharCode(65 + list.length), split: 0, subject: null }])}
            >
              + Add variant
            </button>
            <button className="btn btn-sm" onClick={() => onInsert(VARIANT_BLOCK)} title="Insert at the cursor in the template">
              Insert variant block
            </button>
            <span className="muted" data-total={total}>
              Split total {total}%
            </span>
            <span style={{ flex: 1 }} />
            <label className="field variant-persona">
              <span>Preview as</span>
              <select className="select" value={personaId ?? ''} onChange={(e) => setPersonaId(Number(e.target.value) || null)}>
                {personas.map((persona) => (
                  <option key={persona.id} value={persona.id}>
                    {persona.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {(invalid ?? problem) && (
            <div className="alert alert-danger" role="alert">
              {problem ?? invalid}
            </div>
          )}
          <div className="variant-previews" style={{ '--columns': Math.max(1, previews.length) } as CSSProperties}>
            {previews.map(({ variant, preview, error }) => {
              const split = list.find((v) => v.name === variant)?.split;
              return (
                <article
                  key={variant}
                  className="preview-card variant-card"
                  data-testid="variant-preview"
                  aria-label={`Variant ${variant}`}
                >
                  <header>
                    <div className="persona-label">
                      <span className="badge">Variant {variant}</span>
                      {split !== undefined && <span className="muted">{split}%</span>}
                    </div>
                    <div className="variant-subject" data-testid="variant-subject" title="Subject">
                      {subjectOf(preview?.html ?? null) ?? <span className="muted">No subject</span>}
                    </div>
                  </header>
                  {preview?.html ? (
                    <VariantFrame html={preview.html} title={`Variant ${variant} as ${preview.label}`} />
                  ) : (
                    <div className="preview-problem" role="alert">
                      {error ?? preview?.problem ?? 'Nothing to show yet.'}
                    </div>
                  )}
                </article>
              );
            })}
          </div>
        </>
      )}
    </Dialog>
  );
}
