import { useEffect, useMemo } from 'react';
import { APPEARANCES } from '../../../../shared/templates/preview-document';
import { useCommands, type Command } from '../../../app/commands/registry';
import { isMac } from '../../../ui/format';
import { ALL_VARIANTS, type VariantChoice } from '../variants/use-variant-choice';
import { APPEARANCE_NAMES, WIDTHS, WIDTH_NAMES, ZOOMS, type PreviewSettings } from './preview-settings';

/** A key chord: Alt (Option on a Mac) with a physical key, read from `event.code` so Option's special characters do not matter. */
interface Chord {
  code: string;
  shift?: boolean;
  /** No modifier at all (the arrow keys of focus mode). */
  bare?: boolean;
}

interface KeyedCommand extends Omit<Command, 'shortcut'> {
  chord?: Chord;
}

const ALT = isMac ? '⌥' : 'Alt';

const keyName = (code: string): string =>
  code === 'ArrowLeft' ? '←' : code === 'ArrowRight' ? '→' : code.replace(/^(Key|Digit)/, '').replace('Minus', '-');

export function chordLabel(chord: Chord): string {
  if (chord.bare) return keyName(chord.code);
  return [ALT, chord.shift ? 'Shift' : null, keyName(chord.code)].filter(Boolean).join('+');
}

export function chordMatches(chord: Chord, event: KeyboardEvent): boolean {
  if (event.code !== chord.code || event.ctrlKey || event.metaKey) return false;
  if (chord.bare) return !event.altKey && !event.shiftKey;
  return event.altKey && event.shiftKey === (chord.shift ?? false);
}

/**
 * Where the keyboard belongs to something else: a dialog owns every key; the
 * editor, a field or a list owns its arrow keys (Alt chords still work there).
 */
function keyboardTaken(event: KeyboardEvent, chord: Chord): boolean {
  if (document.querySelector('[aria-modal="true"]')) return true;
  const target = event.target instanceof Element ? event.target : null;
  if (!chord.bare || !target) return false;
  return target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor, [role="listbox"], [role="dialog"]') !== null;
}

const ZOOM_KEYS: Record<string, string> = { fit: 'Digit0', 50: 'Digit5', 75: 'Digit7', 100: 'Digit1' };

interface Options {
  settings: PreviewSettings;
  update: (change: Partial<PreviewSettings>) => void;
  personaCount: number;
  /** Focus mode: show the persona `step` places on (wrapping). */
  step: (step: 1 | -1) => void;
  /** The persona strip is shown (focus mode, or every variant of one persona), so ← and → step along it. */
  strip: boolean;
  /** The template's A/B variants: commands exist only for an A/B test. */
  variants?: VariantChoice;
}

/** A command per variant, "All", and Alt+V stepping through them (A → B → … → All → A). */
function variantCommands(choice: VariantChoice | undefined, group: string): KeyedCommand[] {
  if (!choice || choice.variants.length === 0) return [];
  const picks = [...choice.variants.map((v) => v.name), ALL_VARIANTS];
  const next = picks[(picks.indexOf(choice.chosen ?? picks[0]!) + 1) % picks.length]!;
  const keywords = ['a/b', 'ab test', 'split', 'variant'];
  return [
    ...choice.variants.map((variant) => ({
      id: `preview.variant.${variant.name}`,
      title: `Preview variant ${variant.name} (${variant.split}%)`,
      group,
      keywords,
      run: () => choice.choose(variant.name),
    })),
    {
      id: 'preview.variants.all',
      title: 'Preview all variants side by side',
      group,
      keywords,
      run: () => choice.choose(ALL_VARIANTS),
    },
    {
      id: 'preview.variants.next',
      title: next === ALL_VARIANTS ? 'Next variant: all side by side' : `Next variant: ${next}`,
      group,
      keywords,
      chord: { code: 'KeyV' },
      run: () => choice.choose(next),
    },
  ];
}

/**
 * The preview actions as commands (the palette lists them, menus show their
 * keys) and the keys that run them. The chord is declared once, so the key
 * shown and the key handled cannot disagree.
 */
export function usePreviewCommands({ settings, update, personaCount, step, strip, variants }: Options): readonly Command[] {
  const keyed = useMemo((): KeyedCommand[] => {
    const group = 'Preview';
    const nextAppearance = APPEARANCES[(APPEARANCES.indexOf(settings.appearance) + 1) % APPEARANCES.length]!;
    return [
      ...ZOOMS.map((zoom) => ({
        id: `preview.zoom.${zoom}`,
        title: zoom === 'fit' ? 'Zoom previews to fit' : `Zoom previews to ${zoom}%`,
        group,
        keywords: ['zoom', 'scale', 'size'],
        chord: { code: ZOOM_KEYS[String(zoom)]! },
        run: () => update({ zoom }),
      })),
      ...WIDTHS.map((width, index) => ({
        id: `preview.width.${width}`,
        title: `Preview at ${width} px (${WIDTH_NAMES[width]})`,
        group,
        keywords: ['width', 'device', width <= 375 ? 'mobile' : 'desktop'],
        chord: { code: `Digit${index + 1}`, shift: true },
        run: () => update({ width }),
      })),
      {
        id: 'preview.focus',
        title: settings.focus ? 'Show all personas side by side' : 'Focus on one persona',
        group,
        keywords: ['focus', 'large', 'single', 'grid'],
        chord: { code: 'KeyF' },
        run: () => update({ focus: !settings.focus }),
      },
      {
        id: 'preview.next',
        title: 'Next persona (focus mode)',
        group,
        enabled: strip && personaCount > 1,
        chord: { code: 'ArrowRight', bare: true },
        run: () => step(1),
      },
      {
        id: 'preview.previous',
        title: 'Previous persona (focus mode)',
        group,
        enabled: strip && personaCount > 1,
        chord: { code: 'ArrowLeft', bare: true },
        run: () => step(-1),
      },
      {
        id: 'preview.compare',
        title: settings.compare ? 'Stop comparing personas' : 'Compare personas (highlight differences)',
        group,
        keywords: ['diff', 'differences', 'tokens'],
        chord: { code: 'KeyC' },
        run: () => update({ compare: !settings.compare }),
      },
      {
        id: 'preview.appearance',
        title: `Preview appearance: ${APPEARANCE_NAMES[nextAppearance]}`,
        group,
        keywords: ['dark mode', 'theme', 'invert', 'colour scheme'],
        chord: { code: 'KeyD' },
        run: () => update({ appearance: nextAppearance }),
      },
      {
        id: 'preview.images',
        title: settings.images === 'on' ? 'Preview with images off' : 'Preview with images on',
        group,
        keywords: ['images', 'alt text', 'blocked'],
        chord: { code: 'KeyI' },
        run: () => update({ images: settings.images === 'on' ? 'off' : 'on' }),
      },
      ...variantCommands(variants, group),
    ];
  }, [settings, update, personaCount, step, strip, variants]);

  const commands = useMemo(
    (): Command[] => keyed.map(({ chord, ...command }) => (chord ? { ...command, shortcut: chordLabel(chord) } : command)),
    [keyed],
  );
  useCommands(commands);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = keyed.find((c) => c.chord && chordMatches(c.chord, event));
      if (!command?.chord || command.enabled === false || keyboardTaken(event, command.chord)) return;
      event.preventDefault();
      command.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyed]);

  return commands;
}
