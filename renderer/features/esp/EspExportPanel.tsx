import { useEffect, useRef } from 'react';
import type { EspPreview } from '../../../shared/contract/esp-schemas';
import { ESP_NAMES, type EspId } from '../../../shared/esp/esp';
import { errorMessage, useApi } from '../../api/queries';
import { FieldMapTable } from './FieldMapTable';
import { RoundTripSummary } from './RoundTripSummary';
import './esp-export.css';

interface Props {
  templateId: number;
  esp: EspId;
  minify: boolean;
  /** False until the editor's pending edits are saved, so the preview converts what the editor shows. */
  ready: boolean;
}

function Warnings({ preview }: { preview: EspPreview }) {
  if (preview.warnings.length === 0)
    return <p className="muted">No warnings: everything the template does has a {ESP_NAMES[preview.esp]} form.</p>;
  return (
    <ul className="esp-warnings" aria-label={`Warnings for ${ESP_NAMES[preview.esp]}`}>
      {preview.warnings.map((warning, index) => (
        <li key={index} data-level={warning.level ?? 'warning'}>
          {warning.level === 'info' && <strong>Note: </strong>}
          {warning.line !== null && <span className="mono">line {warning.line}: </span>}
          {warning.message}
          {warning.construct && <span className="mono muted"> {warning.construct}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Any dialect's personalization: Liquid/Django/HubL tags, AMPscript, merge tags. */
const PERSONALIZATION = /\{\{|\{%|%%|\*\|/;

/** A source pane opened at the first personalization in the body, past the head and its CSS. */
function SourcePane({ label, text }: { label: string; text: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const anchor = useRef<HTMLSpanElement>(null);
  const body = text.search(/<body/i);
  const found = body < 0 ? -1 : text.slice(body).search(PERSONALIZATION);
  const at = found < 0 ? 0 : body + found;
  useEffect(() => {
    const pre = ref.current;
    const mark = anchor.current;
    if (!pre || !mark) return;
    // A few lines of context above the token.
    pre.scrollTop += mark.getBoundingClientRect().top - pre.getBoundingClientRect().top - 48;
  }, [text]);
  return (
    <label className="esp-source">
      <span>{label}</span>
      <pre ref={ref} tabIndex={0} aria-label={`${label} source`}>
        {text.slice(0, at)}
        <span ref={anchor} />
        {text.slice(at)}
      </pre>
    </label>
  );
}

/**
 * The ESP side of the export dialog: the field map (editable), the warnings,
 * the round-trip check, and the exported source beside the original.
 */
export function EspExportPanel({ templateId, esp, minify, ready }: Props) {
  const template = { id: templateId };
  const fieldMap = useApi('esp.fieldMap', { esp, template }, { enabled: ready });
  const preview = useApi('esp.preview', { esp, template, minify }, { enabled: ready });
  const refresh = () => {
    void fieldMap.refetch();
    void preview.refetch();
  };

  return (
    <div className="esp-panel">
      <section aria-label="Field map">
        <h3 style={{ margin: '4px 0 6px', fontSize: 14 }}>Field names at {ESP_NAMES[esp]}</h3>
        {fieldMap.data ? (
          <FieldMapTable key={esp} esp={esp} entries={fieldMap.data.entries} onSaved={refresh} />
        ) : fieldMap.error ? (
          <div className="alert alert-danger">{errorMessage(fieldMap.error)}</div>
        ) : (
          <p className="muted">Reading the fields…</p>
        )}
      </section>
      {preview.error && (
        <div className="alert alert-danger" role="alert">
          {errorMessage(preview.error)}
        </div>
      )}
      {!preview.data && !preview.error && <p className="muted">Converting for {ESP_NAMES[esp]} and checking every persona…</p>}
      {preview.data && (
        <>
          <RoundTripSummary report={preview.data.roundTrip} />
          <section aria-label="Warnings">
            <h3 style={{ margin: '4px 0 6px', fontSize: 14 }}>Warnings</h3>
            <Warnings preview={preview.data} />
          </section>
          <div className="esp-sources">
            <SourcePane label="Original" text={preview.data.original} />
            <SourcePane label={ESP_NAMES[esp]} text={preview.data.source} />
          </div>
        </>
      )}
    </div>
  );
}
