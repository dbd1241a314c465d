import { useCallback, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import type { ShownPreview } from '../use-previews';
import { PreviewCard } from '../PreviewCard';
import { compareInputs } from './compare-inputs';
import { PersonaStrip } from './PersonaStrip';
import { usePreviewCommands } from './preview-commands';
import { frameScale, loadSettings, saveSettings, type PreviewSettings } from './preview-settings';
import { PreviewToolbar } from './PreviewToolbar';
import './previews.css';

interface Props {
  previews: readonly ShownPreview[];
  allowRemote: boolean;
  onAllowRemote: (allow: boolean) => void;
  onEdit: (personaId: number) => void;
  /** Shown in the grid when there is nothing to preview. */
  empty?: ReactNode;
}

/** Narrowest card in fit zoom: below it, cards stack rather than shrink the email into a thumbnail. */
const MIN_FIT_CARD = 300;

/**
 * The persona previews with their view options: side by side (as many
 * columns as the pane fits) or focus mode (one large preview and a persona
 * strip), each optionally in compare mode, at a width, zoom and appearance.
 */
export function PreviewPane({ previews, allowRemote, onAllowRemote, onEdit, empty }: Props) {
  const [settings, setSettings] = useState<PreviewSettings>(() => loadSettings());
  const update = useCallback((change: Partial<PreviewSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...change };
      saveSettings(next);
      return next;
    });
  }, []);
  const [focusId, setFocusId] = useState<number | null>(null);
  const index = Math.max(
    0,
    previews.findIndex((preview) => preview.personaId === focusId),
  );
  const step = useCallback(
    (by: 1 | -1) => {
      if (previews.length === 0) return;
      setFocusId(previews[(index + by + previews.length) % previews.length]!.personaId);
    },
    [previews, index],
  );
  const commands = usePreviewCommands({ settings, update, personaCount: previews.length, step });
  const inputs = useMemo(() => (settings.compare ? compareInputs(previews) : null), [settings.compare, previews]);

  const shown = settings.focus ? previews.slice(index, index + 1) : previews;
  // A card never narrower than the email at a fixed zoom (plus its border), so it scrolls only when the pane itself is narrower.
  const cardMin = settings.zoom === 'fit' ? MIN_FIT_CARD : Math.ceil(settings.width * frameScale(settings.zoom, settings.width, 0)) + 2;

  return (
    <>
      <PreviewToolbar settings={settings} update={update} allowRemote={allowRemote} onAllowRemote={onAllowRemote} commands={commands} />
      {settings.focus && previews.length > 0 && (
        <PersonaStrip previews={previews} index={index} onPick={(i) => setFocusId(previews[i]!.personaId)} />
      )}
      <div
        className="preview-grid"
        data-layout={settings.focus ? 'focus' : 'grid'}
        data-testid="preview-grid"
        style={{ '--card-min': `${cardMin}px` } as CSSProperties}
      >
        {shown.map((preview) => (
          <PreviewCard
            key={preview.personaId}
            preview={preview}
            settings={settings}
            allowRemote={allowRemote}
            compare={inputs?.get(preview.personaId)}
            onEdit={() => onEdit(preview.personaId)}
          />
        ))}
        {empty}
      </div>
    </>
  );
}
