import { useMemo } from 'react';
import { preparePreview } from '../../../shared/templates/preview-document';
import { errorMessage, useApi } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';

/**
 * The email as one recipient gets it, opened from a QA finding. The HTML is
 * untrusted: a sandboxed srcdoc frame (no scripts, no same origin) with the
 * preview's own blocking CSP, exactly as a persona card shows it.
 */
export function CustomerPreviewDialog({
  templateId,
  customerId,
  onClose,
}: {
  templateId: number;
  customerId: string;
  onClose: () => void;
}) {
  const rendered = useApi('render.customer', { template: { id: templateId }, customer: customerId });
  const customer = useApi('customers.get', { idOrEmail: customerId });
  const html = rendered.data?.html ?? null;
  const document = useMemo(() => (html ? preparePreview(html, { allowRemote: false }).document : null), [html]);
  const name = customer.data ? [customer.data.first_name, customer.data.last_name].filter(Boolean).join(' ') || customer.data.email : null;
  const problem = rendered.error
    ? errorMessage(rendered.error)
    : rendered.data && !rendered.data.html
      ? (rendered.data.diagnostics[0]?.message ?? 'Nothing rendered.')
      : null;
  return (
    <Dialog
      title={`Preview as ${customerId}`}
      description={name ? `${name}${customer.data?.email && name !== customer.data.email ? ` · ${customer.data.email}` : ''}` : undefined}
      width={760}
      onClose={onClose}
      footer={
        <button className="btn" onClick={onClose}>
          Close
        </button>
      }
    >
      {problem && <div className="alert alert-danger">{problem}</div>}
      {rendered.isPending && <div className="muted">Rendering…</div>}
      {rendered.data && rendered.data.tokens.some((t) => t.missing) && (
        <p className="muted" data-testid="qa-preview-missing">
          Missing for this customer:{' '}
          {rendered.data.tokens
            .filter((t) => t.missing)
            .map((t) => t.name)
            .join(', ')}
        </p>
      )}
      {document && (
        <iframe
          title={`Email as ${customerId}`}
          sandbox=""
          srcDoc={document}
          referrerPolicy="no-referrer"
          style={{ width: '100%', height: '60vh', border: '1px solid var(--border)', borderRadius: 6, background: 'white' }}
        />
      )}
    </Dialog>
  );
}
