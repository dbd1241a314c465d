import { useEffect, useMemo, useRef } from 'react';
import { useCommands, type Command } from '../../app/commands/registry';
import { modKey } from '../../ui/format';

// The desktop shell's File menu binds these keys (electron/main/main.ts); in a browser they would do nothing.
const desktop = typeof window !== 'undefined' && window.tailorShell !== undefined;

interface WorkspaceActions {
  open: () => unknown;
  create: () => unknown;
  compact: () => unknown;
}

/** The workspace menu's actions in the command palette. Registered once; each runs the menu's latest handler. */
export function useWorkspaceCommands(actions: WorkspaceActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useCommands(
    useMemo(
      (): Command[] => [
        {
          id: 'workspace.open',
          title: 'Open workspace…',
          group: 'Workspace',
          keywords: ['file', 'switch'],
          ...(desktop ? { shortcut: `${modKey}+O` } : {}),
          run: () => void latest.current.open(),
        },
        {
          id: 'workspace.new',
          title: 'New workspace…',
          group: 'Workspace',
          keywords: ['file', 'create'],
          ...(desktop ? { shortcut: `${modKey}+Shift+N` } : {}),
          run: () => void latest.current.create(),
        },
        {
          id: 'workspace.compact',
          title: 'Compact workspace',
          group: 'Workspace',
          keywords: ['vacuum', 'size', 'shrink'],
          run: () => void latest.current.compact(),
        },
      ],
      [],
    ),
  );
}
