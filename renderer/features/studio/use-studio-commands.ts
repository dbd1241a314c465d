import { useMemo } from 'react';
import { useCommands, type Command } from '../../app/commands/registry';
import { modKey } from '../../ui/format';

interface StudioActions {
  hasTemplate: boolean;
  canExport: boolean;
  save: () => void;
  exportTemplate: () => void;
  history: () => void;
  newTemplate: () => void;
  compiledHtml: () => void;
}

/** The studio's commands for the palette and the shortcut list; the keys themselves are handled by StudioView. */
export function useStudioCommands(actions: StudioActions): void {
  const { hasTemplate, canExport, save, exportTemplate, history, newTemplate, compiledHtml } = actions;
  useCommands(
    useMemo(
      (): Command[] => [
        { id: 'studio.new', title: 'New template', group: 'Templates', shortcut: 'Alt+N', keywords: ['create', 'blank'], run: newTemplate },
        { id: 'studio.save', title: 'Save the template now', group: 'Studio', shortcut: `${modKey}+S`, enabled: hasTemplate, run: save },
        {
          id: 'studio.export',
          title: 'Export the template…',
          group: 'Studio',
          shortcut: `${modKey}+Shift+E`,
          keywords: ['download', 'esp', 'html'],
          enabled: canExport,
          run: exportTemplate,
        },
        {
          id: 'studio.history',
          title: 'Template history…',
          group: 'Studio',
          keywords: ['versions', 'restore', 'undo'],
          enabled: hasTemplate,
          run: history,
        },
        {
          id: 'studio.compiledHtml',
          title: 'View compiled HTML',
          group: 'Studio',
          keywords: ['source', 'copy', 'inline css', 'code'],
          enabled: hasTemplate,
          run: compiledHtml,
        },
      ],
      [hasTemplate, canExport, save, exportTemplate, history, newTemplate, compiledHtml],
    ),
  );
}
