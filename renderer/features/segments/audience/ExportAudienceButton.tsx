import { useMemo, useState } from 'react';
import type { Segment } from '../../../../shared/contract/schemas';
import { useCommands } from '../../../app/commands/registry';
import { ExportAudienceDialog } from './ExportAudienceDialog';
import './audience.css';

/** The Segments view's entry to the audience export, also in the command palette while the view is open. */
export function ExportAudienceButton({
  segments,
  selectedId,
}: {
  segments: readonly Pick<Segment, 'id' | 'name' | 'count' | 'problem'>[] | undefined;
  selectedId: number | null;
}) {
  const [open, setOpen] = useState(false);
  useCommands(
    useMemo(
      () => [
        {
          id: 'segments.exportAudience',
          title: 'Export audience… (segment as an ESP contact CSV)',
          group: 'Segments',
          keywords: ['audience', 'csv', 'esp', 'braze', 'klaviyo', 'hubspot', 'mailchimp', 'salesforce', 'contacts', 'download'],
          run: () => setOpen(true),
        },
      ],
      [],
    ),
  );
  return (
    <>
      <button className="btn" onClick={() => setOpen(true)} disabled={segments === undefined}>
        Export audience…
      </button>
      {open && segments && <ExportAudienceDialog segments={segments} selectedId={selectedId} onClose={() => setOpen(false)} />}
    </>
  );
}
