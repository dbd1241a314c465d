import type { ShownPreview } from '../use-previews';
import { chordLabel } from './preview-commands';

/**
 * Focus mode's persona switcher: every persona as a tab, the one shown
 * selected; ← and → (anywhere outside the editor) move along it.
 */
export function PersonaStrip({
  previews,
  index,
  onPick,
}: {
  previews: readonly ShownPreview[];
  index: number;
  onPick: (index: number) => void;
}) {
  return (
    <div
      className="persona-strip"
      role="tablist"
      aria-label="Personas"
      title={`${chordLabel({ code: 'ArrowLeft', bare: true })} / ${chordLabel({ code: 'ArrowRight', bare: true })} switch persona`}
    >
      {previews.map((preview, i) => (
        <button
          key={preview.personaId}
          role="tab"
          aria-selected={i === index}
          tabIndex={i === index ? 0 : -1}
          className="persona-tab"
          onClick={() => onPick(i)}
        >
          <span className="persona-tab-label">{preview.label}</span>
          <span className="persona-tab-who">{preview.customer?.displayName ?? 'No customer'}</span>
        </button>
      ))}
    </div>
  );
}
