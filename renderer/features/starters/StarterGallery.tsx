import type { Output } from '../../../shared/contract/contract';
import { useApi } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import './starters.css';

export type Starter = Output<'templates.starters'>[number];

interface Props {
  onPick: (starter: Starter) => void;
  onClose: () => void;
}

/**
 * "New from a starter": every design as a card in a centred dialog, so it
 * opens on screen at any window size (the old drop-down hung off the left
 * edge of a narrow sidebar). Cards are buttons in reading order: Tab and Enter
 * pick one without a mouse.
 */
export function StarterGallery({ onPick, onClose }: Props) {
  const starters = useApi('templates.starters', {}, { staleTime: Infinity });
  return (
    <Dialog
      title="New from a starter"
      description="Each starter uses tokens with fallbacks and conditional blocks. Pick one to make your own copy."
      onClose={onClose}
      width={820}
      footer={
        <button className="btn" onClick={onClose}>
          Cancel
        </button>
      }
    >
      {starters.isPending && <div className="muted">Loading starters…</div>}
      {starters.isError && <div className="alert alert-danger">{starters.error.message}</div>}
      <div className="starter-grid" role="list" aria-label="Starters">
        {(starters.data ?? []).map((starter) => (
          <div role="listitem" key={starter.name}>
            <button className="starter-card" onClick={() => onPick(starter)} aria-label={`Start from ${starter.name}`}>
              <span className="starter-name">
                {starter.name}
                <span className="starter-format" data-format={starter.format ?? 'mjml'}>
                  {(starter.format ?? 'mjml').toUpperCase()}
                </span>
              </span>
              <span className="starter-description">{starter.description}</span>
            </button>
          </div>
        ))}
      </div>
    </Dialog>
  );
}
