import { useEffect, useMemo } from 'react';
import { useApi } from '../../../api/queries';
import { setLanguageData } from './language-state';
import { buildCatalog, type LanguageData, type TokenCatalog } from './token-catalog';

/**
 * The workspace's tokens for the studio: fields (fill counts and samples),
 * scores and segments, and the token dictionary. Hands them to the language
 * services (completion, hover, the diagnostics worker) whenever they change.
 */
export function useLanguageCatalog(): TokenCatalog {
  const fields = useApi('customers.fields', {});
  const computed = useApi('tokens.computed', {});
  const dictionary = useApi('tokens.dictionary', {});
  const data: LanguageData = useMemo(
    () => ({ fields: fields.data ?? [], computed: computed.data ?? null, dictionary: dictionary.data ?? [] }),
    [fields.data, computed.data, dictionary.data],
  );
  useEffect(() => setLanguageData(data), [data]);
  return useMemo(() => buildCatalog(data), [data]);
}
