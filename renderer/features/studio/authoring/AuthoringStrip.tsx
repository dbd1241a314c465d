import { useCallback, useMemo, useState } from 'react';
import type { Persona } from '../../../../shared/contract/schemas';
import { useCommands } from '../../../app/commands/registry';
import { useApi } from '../../../api/queries';
import { DictionaryDialog } from '../../dictionary/DictionaryDialog';
import { PartialsDialog } from '../../partials/PartialsDialog';
import { VariantsDialog } from '../variants/VariantsDialog';
import './authoring.css';

type Open = 'partials' | 'dictionary' | 'variants' | null;

/**
 * The studio's authoring tools for the open template: partials, the token
 * dictionary and A/B variants, each a dialog, each a palette command.
 */
export function AuthoringStrip({
  template,
  source,
  personas,
  onInsert,
}: {
  template: { id: number; name: string } | null;
  source: string | null;
  personas: readonly Persona[];
  onInsert: (text: string) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);
  const variants = useApi('templates.variants', { id: template?.id ?? 0 }, { enabled: template !== null });
  const count = template ? (variants.data?.length ?? 0) : 0;
  const insertAndClose = useCallback(
    (text: string) => {
      onInsert(text);
      setOpen(null);
    },
    [onInsert],
  );

  useCommands(
    useMemo(
      () => [
        {
          id: 'authoring.partials',
          title: 'Partials…',
          group: 'Studio',
          keywords: ['header', 'footer', 'include', 'render', 'block'],
          run: () => setOpen('partials'),
        },
        {
          id: 'authoring.dictionary',
          title: 'Token dictionary…',
          group: 'Studio',
          keywords: ['fallback', 'format', 'tokens', 'fields'],
          run: () => setOpen('dictionary'),
        },
        {
          id: 'authoring.variants',
          title: 'A/B variants…',
          group: 'Studio',
          keywords: ['split', 'test', 'subject', 'ab'],
          enabled: template !== null,
          run: () => template && setOpen('variants'),
        },
      ],
      [template],
    ),
  );

  return (
    <div className="authoring-strip" role="toolbar" aria-label="Authoring">
      <button className="btn btn-ghost btn-sm" onClick={() => setOpen('partials')} title="Reusable blocks: header, footer, product card">
        Partials
      </button>
      <button className="btn btn-ghost btn-sm" onClick={() => setOpen('dictionary')} title="Token names, fallbacks and formats">
        Token dictionary
      </button>
      <button
        className="btn btn-ghost btn-sm"
        disabled={!template}
        onClick={() => setOpen('variants')}
        title="A/B variants of subject and blocks"
      >
        A/B variants
        {count > 0 && (
          <span className="badge" data-testid="variant-count">
            {count}
          </span>
        )}
      </button>
      {open === 'partials' && <PartialsDialog onClose={close} onInsert={insertAndClose} />}
      {open === 'dictionary' && <DictionaryDialog onClose={close} />}
      {open === 'variants' && template && (
        <VariantsDialog
          templateId={template.id}
          templateName={template.name}
          source={source}
          personas={personas}
          onClose={close}
          onInsert={insertAndClose}
        />
      )}
    </div>
  );
}
