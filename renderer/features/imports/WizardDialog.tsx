import type { ReactNode } from 'react';
import type { ImportEntityName, ImportPreview } from '../../../shared/contract/schemas';
import { Dialog } from '../../ui/Dialog';
import { countOf } from '../../ui/format';
import { ENTITY_TEXT } from './entity-choice';
import { ImportWizard } from './ImportWizard';
import { useImportPreview, type PickedFile } from './use-import-preview';
import { columnSummary } from './wizard-options';

interface WizardDialogProps {
  file: PickedFile;
  /** What the user said the file holds; the host guesses from the header row when undefined. */
  entity: ImportEntityName | undefined;
  /** A problem starting the import (shown under the preview). */
  problem: string | null;
  onBack: () => void;
  onClose: () => void;
  onImport: (preview: ImportPreview) => void;
  /** What a customers import does to customers already in the workspace (shown only for customers files). */
  policy?: ReactNode;
}

/** The wizard step of the import dialog: the preview with every choice, and Import once it can start. */
export function WizardDialog({ file, entity, problem, onBack, onClose, onImport, policy }: WizardDialogProps) {
  const { preview, loading, error, update } = useImportPreview(file, entity);
  const shown = preview?.entity ?? entity ?? 'customers';
  const summary = preview ? columnSummary(preview) : null;
  const blocked = !preview || loading || preview.problem !== null;

  return (
    <Dialog
      title={`${ENTITY_TEXT[shown].title}: ${file.name}`}
      description="Check how the file is read. Change anything that is off; the preview follows. Nothing is imported until you press Import."
      onClose={onClose}
      width={1100}
      footer={
        <>
          <button className="btn" onClick={onBack}>
            Choose another file
          </button>
          <span className="muted" style={{ marginRight: 'auto', fontSize: 12 }}>
            {summary &&
              `${countOf(summary.fields, 'column')} to ${ENTITY_TEXT[shown].label.toLowerCase()} fields, ${countOf(summary.custom, 'custom attribute')}, ${summary.ignored} ignored`}
          </span>
          <button className="btn btn-primary" data-testid="wizard-import" disabled={blocked} onClick={() => preview && onImport(preview)}>
            {loading ? 'Reading…' : `Import ${ENTITY_TEXT[shown].label.toLowerCase()}`}
          </button>
        </>
      }
    >
      {!preview && loading && <div className="alert alert-info">Reading the first rows of {file.name}…</div>}
      {error && (
        <div className="alert alert-danger" role="alert">
          {error} {preview ? 'The preview shows the last settings that worked.' : 'Choose another file, or export it again as CSV.'}
        </div>
      )}
      {preview?.problem && (
        <div className="alert alert-warning" role="alert" data-testid="wizard-problem">
          {preview.problem}
        </div>
      )}
      {problem && (
        <div className="alert alert-danger" role="alert">
          {problem}
        </div>
      )}
      {preview && <ImportWizard preview={preview} loading={loading} onChange={update} />}
      {preview?.entity === 'customers' && policy}
    </Dialog>
  );
}
