import type { Handlers } from '../../shared/contract/contract';
import { getVersion, listVersions } from '../workspace/template-versions-repo';
import { checkpointTemplate, getTemplate, listTrash, restoreTemplate, restoreTemplateVersion } from '../workspace/templates-repo';
import type { HandlerContext } from './context';

/** A template's saved versions and the trash: how work that was replaced or deleted comes back. */
export function templateHistoryHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  'templates.versions' | 'templates.version' | 'templates.checkpoint' | 'templates.restoreVersion' | 'templates.trash' | 'templates.restore'
> {
  const db = () => ctx.session.require().db;
  return {
    'templates.versions': ({ id }) => {
      getTemplate(db(), id);
      return listVersions(db(), id);
    },
    'templates.version': ({ versionId }) => getVersion(db(), versionId),
    'templates.checkpoint': ({ id }) => {
      checkpointTemplate(db(), id);
      return { ok: true as const };
    },
    'templates.restoreVersion': ({ versionId }) => restoreTemplateVersion(db(), versionId),
    'templates.trash': () => listTrash(db()),
    'templates.restore': ({ id }) => restoreTemplate(db(), id),
  };
}
