import { useState } from 'react';
import { toast } from 'sonner';
import { errorMessage, useInvalidateAll } from '../../api/queries';
import { api } from '../../api/transport';
import { runBeforeWorkspaceSwitch } from './before-switch';

/** Open / create a workspace, then refresh everything cached for the previous one. */
export function useWorkspaceActions() {
  const invalidateAll = useInvalidateAll();
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<{ name: string }>, verb: string) => {
    setBusy(true);
    try {
      await runBeforeWorkspaceSwitch();
      const info = await action();
      await invalidateAll();
      toast.success(`${verb} ${info.name}`);
      return true;
    } catch (error) {
      toast.error(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    open: (path: string) => run(() => api.call('workspace.open', { path }), 'Opened'),
    create: (path: string, demo: boolean) => run(() => api.call('workspace.create', { path, demo }), 'Created'),
  };
}
