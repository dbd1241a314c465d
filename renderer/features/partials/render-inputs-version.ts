import { useApi } from '../../api/queries';

/**
 * Changes whenever a partial or the token dictionary changes (here or in
 * another window: both are refreshed by pushed events), so the previews key
 * on it and re-render every persona: a partial is part of every template that
 * includes it, and the dictionary of every template that uses its tokens.
 */
export function useRenderInputsVersion(): number {
  const partials = useApi('partials.list', {});
  const dictionary = useApi('tokens.dictionary', {});
  return partials.dataUpdatedAt + dictionary.dataUpdatedAt;
}
