import { useMemo, useState } from 'react';
import { useCommands } from '../../app/commands/registry';
import { ProofsDialog } from '../proofs/ProofsDialog';
import { LintPanel } from './LintPanel';

interface Props {
  template: { id: number; name: string };
  /** The editor's text (unsaved edits included), or null while it loads. */
  source: string | null;
  /** Saves pending edits; false when that failed. */
  save: () => Promise<boolean>;
}

/** The studio's "Lint" and "Proofs…" buttons, their dialogs and their palette commands. */
export function EmailChecks({ template, source, save }: Props) {
  const [open, setOpen] = useState<'lint' | 'proofs' | null>(null);
  useCommands(
    useMemo(
      () => [
        {
          id: 'studio.lint',
          title: 'Lint email',
          group: 'Studio',
          keywords: ['alt', 'links', 'unsubscribe', 'caniemail', 'gmail'],
          enabled: source !== null,
          run: () => setOpen('lint'),
        },
        {
          id: 'studio.proofs',
          title: 'Make proofs…',
          group: 'Studio',
          keywords: ['screenshot', 'png', 'eml', 'contact sheet', 'zip'],
          run: () => setOpen('proofs'),
        },
      ],
      [source],
    ),
  );
  return (
    <>
      <button
        className="btn btn-sm"
        disabled={source === null}
        onClick={() => setOpen('lint')}
        title="Links, alt text, unsubscribe, client support, Gmail clipping"
      >
        Lint
      </button>
      <button className="btn btn-sm" onClick={() => setOpen('proofs')} title="PNG, HTML and .eml of every persona, zipped">
        Proofs…
      </button>
      {open === 'lint' && source !== null && <LintPanel templateName={template.name} source={source} onClose={() => setOpen(null)} />}
      {open === 'proofs' && (
        <ProofsDialog templateId={template.id} templateName={template.name} beforeRun={save} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
