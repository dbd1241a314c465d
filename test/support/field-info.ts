import type { FieldInfo } from '../../shared/contract/schemas';
import { toPascalAlias } from '../../shared/fields/naming';

/** A field as `customers.fields` describes it, for language-service catalogues: filled for `filled` customers. */
export const fieldInfo = (key: string, filled: number, over: Partial<FieldInfo> = {}): FieldInfo => ({
  key,
  alias: toPascalAlias(key),
  label: key.replace(/_/g, ' '),
  kind: 'canonical',
  filled,
  sample: null,
  samples: [],
  type: 'text',
  typeWarning: null,
  ...over,
});
