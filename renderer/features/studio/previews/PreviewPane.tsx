import { useCallback, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import type { ShownPreview } from '../use-previews';
import { PreviewCard } from '../PreviewCard';
import { ALL_VARIANTS, type VariantChoice } from '../variants/use-variant-choice';
import { useVariantPreviews } from '../variants/use-variant-previews';
import { variantCards } from '../variants/variant-cards';
import { VariantSelector } from '../variants/VariantSelector';
import { compareInputs, type PaneCard } from './compare-inputs';
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
  /** The template's A/B variants and the one shown; the selector appears only for an A/B test. */
  variants?: VariantChoice;
  /** The template's text and render inputs' version, for "All" variants (one persona in every variant). */
  source?: string | null;
  renderVersion?: number;
}

/** Narrowest card in fit zoom: below it, cards stack rather than shrink the email into a thumbnail. */
const MIN_FIT_CARD = 300;

/**
 * The persona previews with their view options: side by side (as many
 * columns as the pane fits) or focus mode (one large preview and a persona
 * strip), each optionally in compare mode, at a width, zoom and appearance.
 * For an A/B test every mode shows the chosen variant; "All" shows one
 * persona (picked on the strip) in every variant side by side.
 */
export function PreviewPane({ previews, allowRemote, onAllowRemote, onEdit, empty, variants, source = null, renderVersion = 0 }: Props) {
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
  const all = variants?.chosen === ALL_VARIANTS;
  const strip = (settings.focus || all) && previews.length > 0;
  const commands = usePreviewCommands({ settings, update, personaCount: previews.length, step, strip, variants });
  const persona = previews[index];
  const variantResults = useVariantPreviews(all ? source : null, variants?.variants ?? [], persona?.personaId ?? null, renderVersion);
  const cards = useMemo(
    (): PaneCard[] =>
      all && persona
        ? variantCards(variantResults, persona, variants?.variants ?? [])
        : previews.map((preview) => ({ key: `persona:${preview.personaId}`, preview })),
    [all, persona, variantResults, variants, previews],
  );
  const inputs = useMemo(() => (settings.compare ? compareInputs(cards) : null), [settings.compare, cards]);

  const focusKey = persona ? `persona:${persona.personaId}` : null;
  const shown = settings.focus && !all ? cards.filter((card) => card.key === focusKey) : cards;
  // A card never narrower than the email at a fixed zoom (plus its border), so it scrolls only when the pane itself is narrower.
  const cardMin = settings.zoom === 'fit' ? MIN_FIT_CARD : Math.ceil(settings.width * frameScale(settings.zoom, settings.width, 0)) + 2;

  return (
    <>
      <PreviewToolbar
        settings={settings}
        update={update}
        allowRemote={allowRemote}
        onAllowRemote={onAllowRemote}
        commands={commands}
        layoutFixed={all ? 'All variants shows the persona picked on the strip in every variant' : undefined}
      >
        {variants && <VariantSelector choice={variants} commands={commands} />}
      </PreviewToolbar>
      {strip && <PersonaStrip previews={previews} index={index} onPick={(i) => setFocusId(previews[i]!.personaId)} />}
      <div
        className="preview-grid"
        data-layout={settings.focus && !all ? 'focus' : 'grid'}
        data-variant={variants?.chosen ?? undefined}
        data-testid="preview-grid"
        style={{ '--card-min': `${cardMin}px` } as CSSProperties}
      >
        {shown.map(({ key, preview }) => (
          <PreviewCard
            key={key}
            preview={preview}
            settings={settings}
            allowRemote={allowRemote}
            compare={inputs?.get(key)}
            onEdit={() => onEdit(preview.personaId)}
          />
        ))}
        {empty}
      </div>
    </>
  );
}
