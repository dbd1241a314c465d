import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, frameScale, loadSettings } from '../../renderer/features/studio/previews/preview-settings';
import { settleColorScheme } from '../../renderer/features/studio/previews/sheet-rewrite';

const storage = (value: string | null) => ({ getItem: () => value });

describe('preview settings', () => {
  it('reads what was stored, value by value, and falls back for anything else', () => {
    expect(loadSettings(storage(JSON.stringify({ zoom: 75, width: 320, focus: true, appearance: 'inverted', images: 'off' })))).toEqual({
      ...DEFAULT_SETTINGS,
      zoom: 75,
      width: 320,
      focus: true,
      appearance: 'inverted',
      images: 'off',
    });
    expect(loadSettings(storage(JSON.stringify({ zoom: 33, width: '600', compare: 'yes', appearance: 'sepia' })))).toEqual(
      DEFAULT_SETTINGS,
    );
    expect(loadSettings(storage('{not json'))).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(storage(null))).toEqual(DEFAULT_SETTINGS);
  });

  it('fits the email to its card without enlarging it; a percentage is exact', () => {
    expect(frameScale('fit', 600, 300)).toBe(0.5);
    expect(frameScale('fit', 600, 1200)).toBe(1);
    expect(frameScale(75, 600, 300)).toBe(0.75);
  });
});

describe('settleColorScheme', () => {
  it('makes the chosen scheme always match and the other never, inside any media query', () => {
    expect(settleColorScheme('(prefers-color-scheme: dark)', 'dark')).toBe('(min-width: 0px)');
    expect(settleColorScheme('(prefers-color-scheme: dark)', 'light')).toBe('(max-width: 0px)');
    expect(settleColorScheme('only screen and (prefers-color-scheme: light), print', 'light')).toBe(
      'only screen and (min-width: 0px), print',
    );
    // Forced inversion is a light email inverted: its dark styles do not apply.
    expect(settleColorScheme('(PREFERS-COLOR-SCHEME:DARK)', 'inverted')).toBe('(max-width: 0px)');
    expect(settleColorScheme('only screen and (max-width: 479px)', 'dark')).toBe('only screen and (max-width: 479px)');
  });
});
