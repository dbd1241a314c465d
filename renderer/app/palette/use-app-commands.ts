import { useMemo } from 'react';
import { modKey } from '../../ui/format';
import { useCommands, type Command } from '../commands/registry';

/** The palette's keys as menus and the shortcut list show them: these work everywhere, the editor included (see palette-keys). */
export const PALETTE_SHORTCUT = `F1 or ${modKey}+Shift+P`;

interface AppCommandOptions<V extends string> {
  views: readonly { id: V; label: string }[];
  goTo: (view: V) => void;
  showShortcuts: () => void;
  showPalette: () => void;
}

/** The commands that exist on every screen: going to each view, the shortcut list and the palette itself. */
export function useAppCommands<V extends string>({ views, goTo, showShortcuts, showPalette }: AppCommandOptions<V>): void {
  useCommands(
    useMemo(
      (): Command[] => [
        ...views.map((view, index) => ({
          id: `go.${view.id}`,
          title: `Go to ${view.label}`,
          group: 'Go to',
          shortcut: `${modKey}+${index + 1}`,
          keywords: ['view', 'open', 'switch'],
          run: () => goTo(view.id),
        })),
        { id: 'app.shortcuts', title: 'Keyboard shortcuts', group: 'Help', shortcut: '?', keywords: ['keys', 'help'], run: showShortcuts },
        {
          id: 'app.palette',
          title: 'Command palette',
          group: 'Help',
          shortcut: PALETTE_SHORTCUT,
          keywords: ['commands', 'actions'],
          run: showPalette,
        },
      ],
      [views, goTo, showShortcuts, showPalette],
    ),
  );
}
