import { useState } from 'react';
import { toast } from 'sonner';
import { useApi } from '../../../api/queries';
import { Dialog } from '../../../ui/Dialog';
import { formatBytes } from '../../../ui/format';
import './compiled.css';

/** Gmail clips a message's HTML beyond this size. */
const GMAIL_CLIP_BYTES = 102 * 1024;

/**
 * The template as export writes it: MJML compiled (or the HTML as written),
 * CSS inlined, Liquid kept for the ESP. Read-only, with Copy, so an author can
 * paste it into an ESP or inspect what MJML made of a section.
 */
export function CompiledHtmlDialog({ source, onClose }: { source: string; onClose: () => void }) {
  const compiled = useApi('templates.compiled', { source }, { staleTime: Infinity });
  const [copied, setCopied] = useState(false);
  const html = compiled.data?.html ?? null;

  const copy = async () => {
    if (html === null) return;
    try {
      await navigator.clipboard.writeText(html);
      setCopied(true);
      toast.success('Compiled HTML copied');
    } catch {
      toast.error('The clipboard refused the copy. Select the text and copy it by hand.');
    }
  };

  return (
    <Dialog
      title="Compiled HTML"
      description={
        compiled.data
          ? `${compiled.data.format === 'mjml' ? 'MJML compiled to HTML' : 'HTML as written'}, CSS inlined, Liquid kept: what export writes.`
          : 'Compiling…'
      }
      onClose={onClose}
      width={960}
      footer={
        <>
          {compiled.data && html !== null && (
            <span className="muted" style={{ marginRight: 'auto' }} data-testid="compiled-size">
              {formatBytes(compiled.data.bytes)}
              {compiled.data.bytes > GMAIL_CLIP_BYTES ? ' · over Gmail’s 102 KB: it will be clipped' : ''}
            </span>
          )}
          <button className="btn" onClick={onClose}>
            Close
          </button>
          <button className="btn btn-primary" onClick={() => void copy()} disabled={html === null}>
            {copied ? 'Copied ✓' : 'Copy HTML'}
          </button>
        </>
      }
    >
      {compiled.isError && <div className="alert alert-danger">{compiled.error.message}</div>}
      {compiled.data && html === null && (
        <div className="alert alert-danger">
          The template has errors, so there is no HTML yet. {compiled.data.diagnostics.find((d) => d.severity === 'error')?.message ?? ''}
        </div>
      )}
      {html !== null && (
        <pre className="compiled-html" aria-label="Compiled HTML" tabIndex={0}>
          {html}
        </pre>
      )}
    </Dialog>
  );
}
