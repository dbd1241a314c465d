import { APPEARANCES, type Appearance, type ImagesMode } from '../../../../shared/templates/preview-document';

export type Zoom = 'fit' | 50 | 75 | 100;
export const ZOOMS: readonly Zoom[] = ['fit', 50, 75, 100];

/** Widths an email is read at: small phone, phone, the usual email width, a wide desktop pane. */
export const WIDTHS = [320, 375, 600, 800] as const;
export type PreviewWidth = (typeof WIDTHS)[number];
export const WIDTH_NAMES: Record<PreviewWidth, string> = { 320: 'small phone', 375: 'phone', 600: 'desktop', 800: 'wide desktop' };

/** Short, so the toolbar keeps to two rows in a 1024 px window; the select's tooltip says which clients do what. */
export const APPEARANCE_NAMES: Record<Appearance, string> = {
  light: 'Light',
  dark: 'Dark (own styles)',
  partial: 'Dark (partial invert)',
  inverted: 'Dark (full invert)',
};

/** How the previews are shown: all the user's, remembered across launches. */
export interface PreviewSettings {
  zoom: Zoom;
  width: PreviewWidth;
  /** One large preview with a persona strip, rather than all side by side. */
  focus: boolean;
  compare: boolean;
  appearance: Appearance;
  images: ImagesMode;
}

export const DEFAULT_SETTINGS: PreviewSettings = {
  zoom: 'fit',
  width: 600,
  focus: false,
  compare: false,
  appearance: 'light',
  images: 'on',
};

const STORAGE_KEY = 'tailor.previewSettings';

const oneOf = <T>(values: readonly T[], value: unknown, fallback: T): T => (values.includes(value as T) ? (value as T) : fallback);

/** Stored settings, each value checked: localStorage is anyone's to edit. */
export function loadSettings(storage: Pick<Storage, 'getItem'> = localStorage): PreviewSettings {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // Unreadable: the defaults.
  }
  const d = DEFAULT_SETTINGS;
  return {
    zoom: oneOf(ZOOMS, stored.zoom, d.zoom),
    width: oneOf(WIDTHS, stored.width, d.width),
    focus: typeof stored.focus === 'boolean' ? stored.focus : d.focus,
    compare: typeof stored.compare === 'boolean' ? stored.compare : d.compare,
    appearance: oneOf(APPEARANCES, stored.appearance, d.appearance),
    images: oneOf<ImagesMode>(['on', 'off'], stored.images, d.images),
  };
}

export function saveSettings(settings: PreviewSettings, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(settings));
}

/** The frame's scale: fit shrinks the email to the space it has (never enlarges it); a percentage is exact. */
export const frameScale = (zoom: Zoom, width: number, boxWidth: number): number =>
  zoom === 'fit' ? Math.min(1, Math.max(0.1, boxWidth / width)) : zoom / 100;
