import { useMemo, useRef, useState, type CSSProperties } from 'react';
import { toast } from 'sonner';
import type { Persona, PersonaPreview } from '../../../shared/contract/schemas';
import { errorMessage, useApi } from '../../api/queries';
import { api } from '../../api/transport';
import { useQueryClient } from '@tanstack/react-query';
import { useCommands, type Command } from '../../app/commands/registry';
import { useDismiss } from '../../ui/use-dismiss';
import { menuInPane } from '../../ui/menu-in-pane';
import { MemberStepper } from './MemberStepper';
import './personas.css';

interface Props {
  /** The previews on screen, for who each persona shows now. */
  previews: readonly PersonaPreview[];
  onAdd: () => void;
  onEdit: (persona: Persona) => void;
}

/**
 * The preview toolbar's persona menu: every persona with who it shows, a
 * member stepper for segment personas (the previews follow without a dialog
 * in the way), edit and add. Stepping is also in the command palette.
 */
export function PersonasMenu({ previews, onAdd, onEdit }: Props) {
  const personas = useApi('personas.list', {});
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, open, () => setOpen(false));
  const [placement, setPlacement] = useState<CSSProperties>({});
  const who = (id: number) => previews.find((p) => p.personaId === id)?.customer?.displayName ?? null;

  const list = personas.data;
  useCommands(
    useMemo((): Command[] => {
      const step = (persona: Persona, direction: 'next' | 'previous' | 'random') => () =>
        void api.call('personas.step', { id: persona.id, direction }).then(
          (result) => {
            void queryClient.invalidateQueries({ queryKey: ['personas.list'] });
            if (result.member)
              toast(`${persona.label}: ${result.member.displayName} (${result.member.position} of ${result.member.count})`);
          },
          (error: unknown) => toast.error(errorMessage(error)),
        );
      return [
        { id: 'personas.add', title: 'Add a persona…', group: 'Personas', keywords: ['customer', 'preview as'], run: onAdd },
        ...(list ?? []).flatMap((persona): Command[] => [
          { id: `personas.edit.${persona.id}`, title: `Edit persona “${persona.label}”…`, group: 'Personas', run: () => onEdit(persona) },
          ...(persona.source.kind === 'segment'
            ? [
                {
                  id: `personas.next.${persona.id}`,
                  title: `Next member of “${persona.label}”`,
                  group: 'Personas',
                  run: step(persona, 'next'),
                },
                {
                  id: `personas.previous.${persona.id}`,
                  title: `Previous member of “${persona.label}”`,
                  group: 'Personas',
                  run: step(persona, 'previous'),
                },
                {
                  id: `personas.random.${persona.id}`,
                  title: `Random member of “${persona.label}”`,
                  group: 'Personas',
                  keywords: ['shuffle'],
                  run: step(persona, 'random'),
                },
              ]
            : []),
        ]),
      ];
    }, [list, onAdd, onEdit, queryClient]),
  );

  return (
    <div className="personas-menu" ref={ref}>
      <button
        className="btn btn-sm"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          setPlacement(menuInPane(ref.current, 360, '.preview-pane'));
          setOpen(!open);
        }}
        title="Who the previews show"
      >
        Personas ▾
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Personas" style={placement}>
          <div className="section">Previewing as</div>
          {(list ?? []).map((persona) => (
            <div className="persona-row" key={persona.id} data-testid="persona-row">
              <span
                className="who"
                role="menuitem"
                tabIndex={0}
                onClick={() => {
                  setOpen(false);
                  onEdit(persona);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    setOpen(false);
                    onEdit(persona);
                  }
                }}
                title="Edit this persona"
              >
                <b>{persona.label}</b>
                <small>
                  {who(persona.id) ??
                    (persona.source.kind === 'segment'
                      ? 'a segment member'
                      : persona.source.kind === 'profile'
                        ? 'a hand-made profile'
                        : persona.source.customerId)}
                </small>
              </span>
              {persona.source.kind === 'segment' && <MemberStepper personaId={persona.id} compact />}
            </div>
          ))}
          {list && list.length === 0 && (
            <div className="muted" style={{ padding: 8 }}>
              No personas yet.
            </div>
          )}
          <hr />
          <button
            className="item"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              onAdd();
            }}
          >
            + Add a persona…
          </button>
        </div>
      )}
    </div>
  );
}
