import type { ReactNode } from 'react';
import type { Command } from '../../../app/commands/registry';
import { APPEARANCES, type Appearance } from '../../../../shared/templates/preview-document';
import { APPEARANCE_NAMES, WIDTHS, WIDTH_NAMES, ZOOMS, type PreviewSettings } from './preview-settings';

interface Props {
  settings: PreviewSettings;
  update: (change: Partial<PreviewSettings>) => void;
  allowRemote: boolean;
  onAllowRemote: (allow: boolean) => void;
  /** The registered commands, for the keys shown in tooltips. */
  commands: readonly Command[];
  /** Shown first: what the previews show (the A/B variant), before how they are shown. */
  children?: ReactNode;
  /** Why grid / focus does not apply now ("All" variants already shows one persona), or nothing. */
  layoutFixed?: string;
}

const withKey = (text: string, commands: readonly Command[], id: string): string => {
  const shortcut = commands.find((c) => c.id === id)?.shortcut;
  return shortcut ? `${text} (${shortcut})` : text;
};

/**
 * How the previews are shown. The groups wrap onto further lines in a
 * narrow pane (1024 px windows), so no control is ever cut off.
 */
export function PreviewToolbar({ settings, update, allowRemote, onAllowRemote, commands, children, layoutFixed }: Props) {
  return (
    <div className="preview-toolbar" role="toolbar" aria-label="Preview options">
      {children}
      <div className="segmented" role="group" aria-label="Zoom">
        {ZOOMS.map((zoom) => (
          <button
            key={zoom}
            aria-pressed={settings.zoom === zoom}
            onClick={() => update({ zoom })}
            title={withKey(zoom === 'fit' ? 'Shrink each email to fit its card' : `Show at ${zoom}%`, commands, `preview.zoom.${zoom}`)}
          >
            {zoom === 'fit' ? 'Fit' : `${zoom}%`}
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label="Preview width">
        {WIDTHS.map((width) => (
          <button
            key={width}
            aria-pressed={settings.width === width}
            aria-label={`${width} px (${WIDTH_NAMES[width]})`}
            onClick={() => update({ width })}
            title={withKey(`${width} px, ${WIDTH_NAMES[width]}`, commands, `preview.width.${width}`)}
          >
            {width}
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label="Layout">
        <button
          aria-pressed={!settings.focus}
          disabled={layoutFixed !== undefined}
          onClick={() => update({ focus: false })}
          title={layoutFixed ?? withKey('All personas side by side', commands, 'preview.focus')}
        >
          Grid
        </button>
        <button
          aria-pressed={settings.focus}
          disabled={layoutFixed !== undefined}
          onClick={() => update({ focus: true })}
          title={layoutFixed ?? withKey('One large preview and a persona strip', commands, 'preview.focus')}
        >
          Focus
        </button>
      </div>
      <label
        className="toggle"
        title={withKey('Highlight text from tokens and blocks only some personas get', commands, 'preview.compare')}
      >
        <input type="checkbox" checked={settings.compare} onChange={(e) => update({ compare: e.target.checked })} />
        Compare
      </label>
      <select
        aria-label="Appearance"
        className="appearance-select"
        value={settings.appearance}
        onChange={(e) => update({ appearance: e.target.value as Appearance })}
        title={withKey(
          "Emulate dark mode: the template's own prefers-color-scheme styles (Apple Mail, iOS Mail), partial inversion (Gmail for Android, Outlook.com) or full inversion (Gmail for iOS, Outlook for Windows)",
          commands,
          'preview.appearance',
        )}
      >
        {APPEARANCES.map((appearance) => (
          <option key={appearance} value={appearance}>
            {APPEARANCE_NAMES[appearance]}
          </option>
        ))}
      </select>
      <label
        className="toggle"
        title={withKey('Show images as their alt text, as clients with images turned off do', commands, 'preview.images')}
      >
        <input type="checkbox" checked={settings.images === 'off'} onChange={(e) => update({ images: e.target.checked ? 'off' : 'on' })} />
        Images off
      </label>
      <label className="toggle" title="Load remote images and fonts: blocked by default, as many email clients do">
        <input type="checkbox" aria-label="Load remote images" checked={allowRemote} onChange={(e) => onAllowRemote(e.target.checked)} />
        Remote images
      </label>
    </div>
  );
}
