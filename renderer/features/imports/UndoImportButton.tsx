import { useState } from 'react';
import type { ImportReport } from '../../../shared/contract/schemas';
import { errorMessage, useApiMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { countOf } from '../../ui/format';

const NOUNS: Record<ImportReport['entity'], [string, string]> = {
  customers: ['customer', 'customers'],
  orders: ['order', 'orders'],
  events: ['event', 'events'],
};

/** What undo will do to this import's rows, in the words of the confirmation. */
function consequences(report: ImportReport): string {
  const [one, many] = NOUNS[report.entity];
  const parts = [`deletes the ${countOf(report.rowsCreated, `${one} it created`, `${many} it created`)}`];
  if (report.entity !== 'events' && report.rowsUpdated > 0)
    parts.push(
      `puts the ${countOf(report.rowsUpdated, `${one} it updated`, `${many} it updated`)} back as ${report.rowsUpdated === 1 ? 'it was' : 'they were'}`,
    );
  if (report.entity === 'customers') parts.push('and brings the field list back to how it was');
  return parts.join(', ');
}

/** Undo the last import, after a confirmation that says what it will change; a refusal is shown with its reason. */
export function UndoImportButton({ report }: { report: ImportReport }) {
  const [confirming, setConfirming] = useState(false);
  const undo = useApiMutation('imports.undo');
  const close = () => {
    setConfirming(false);
    undo.reset();
  };
  return (
    <>
      <button className="btn btn-sm" onClick={() => setConfirming(true)}>
        Undo…
      </button>
      {confirming && (
        <Dialog
          title="Undo this import?"
          width={520}
          onClose={close}
          busy={undo.isPending}
          footer={
            <>
              <button className="btn" onClick={close} disabled={undo.isPending}>
                Keep it
              </button>
              <button
                className="btn btn-danger"
                disabled={undo.isPending}
                onClick={() => undo.mutate({ importId: report.importId }, { onSuccess: close })}
              >
                Undo import
              </button>
            </>
          }
        >
          {/* The dialog sits in a table cell, whose text does not wrap. */}
          <p style={{ whiteSpace: 'normal' }}>
            Undoing <b>{report.file}</b> {consequences(report)}. The import stays in the history, marked undone.
          </p>
          {undo.error && (
            <div className="alert alert-danger" role="alert" style={{ whiteSpace: 'normal' }}>
              {errorMessage(undo.error)}
            </div>
          )}
        </Dialog>
      )}
    </>
  );
}
