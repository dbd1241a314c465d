import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportEntityName, ImportPreview, ImportSettings } from '../../../shared/contract/schemas';
import { errorMessage } from '../../api/queries';
import { api } from '../../api/transport';
import { withPendingChoices, type PendingChoices } from './wizard-options';

/** A file the wizard reads: its path for the host, its name for people, and whether it is a browser upload to delete if not imported. */
export interface PickedFile {
  path: string;
  name: string;
  staged: boolean;
}

export interface PreviewState {
  preview: ImportPreview | null;
  loading: boolean;
  error: string | null;
  /** Preview again with other choices; an older reply that arrives late is dropped. */
  update: (entity: ImportEntityName | undefined, settings: ImportSettings | undefined) => void;
}

/** The wizard's preview of `file`, re-read whenever the user changes a choice. */
export function useImportPreview(file: PickedFile, initialEntity: ImportEntityName | undefined): PreviewState {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingChoices | null>(null);
  const latest = useRef(0);
  // The first look only: later choices come through update().
  const firstEntity = useRef(initialEntity);

  const update = useCallback(
    (entity: ImportEntityName | undefined, settings: ImportSettings | undefined) => {
      const request = ++latest.current;
      setLoading(true);
      setPending({ entity, settings });
      api.call('imports.preview', { path: file.path, displayName: file.name, entity, settings }).then(
        (result) => {
          if (request !== latest.current) return;
          setPreview(result);
          setPending(null);
          setError(null);
          setLoading(false);
        },
        (failure: unknown) => {
          if (request !== latest.current) return;
          setPending(null);
          setError(errorMessage(failure));
          setLoading(false);
        },
      );
    },
    [file.path, file.name],
  );

  useEffect(() => update(firstEntity.current, undefined), [update]);

  return { preview: preview && withPendingChoices(preview, pending), loading, error, update };
}
