import { useMemo, useState } from 'react';
import { useCommands } from '../../app/commands/registry';
import { QaDialog } from './QaDialog';

/** The studio toolbar's entry to bulk QA, also in the command palette while a template is open. */
export function QaButton({
  templateId,
  templateName,
  beforeRun,
}: {
  templateId: number;
  templateName: string;
  beforeRun: () => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  useCommands(
    useMemo(
      () => [
        {
          id: 'studio.qa',
          title: 'Bulk QA: check every recipient',
          group: 'Studio',
          keywords: ['qa', 'check', 'segment', 'recipients', 'coverage'],
          run: () => setOpen(true),
        },
      ],
      [],
    ),
  );
  return (
    <>
      <button className="btn btn-sm" onClick={() => setOpen(true)} title="Render for every recipient of a segment and report problems">
        QA
      </button>
      {open && <QaDialog templateId={templateId} templateName={templateName} beforeRun={beforeRun} onClose={() => setOpen(false)} />}
    </>
  );
}
