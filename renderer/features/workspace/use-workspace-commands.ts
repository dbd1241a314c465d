import { useEffect, useMemo, useRef } from 'react';
import { useCommands } from '../../app/commands/registry';

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
      () => [
        {
          id: 'workspace.open',
          title: 'Open workspace…',
          group: 'Workspace',
          keywords: ['file', 'switch'],
          run: () => void latest.current.open(),
        },
        {
          id: 'workspace.new',
          title: 'New workspace…',
          group: 'Workspace',
          keywords: ['file', 'create'],
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
