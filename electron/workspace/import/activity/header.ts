import type { ColumnMapping, ImportEntityName } from '../../../../shared/contract/schemas';
import { guessImportEntity, mapActivityHeaders } from '../../../../shared/imports/activity-headers';
import { FileProblem } from '../text';

/**
 * Map an order or event header row, or refuse the file naming what is
 * missing, the columns found, and what the file looks like instead.
 */
export function mapRequiredHeaders<K extends string>(
  fields: readonly string[],
  synonyms: Record<K, readonly string[]>,
  required: readonly { keys: readonly K[]; label: string }[],
  entity: ImportEntityName,
  name: string,
): ColumnMapping[] {
  const mapping = mapActivityHeaders(fields, synonyms);
  const has = (key: K): boolean => mapping.some((column) => column.kind === 'canonical' && column.key === key);
  const missing = required.filter((need) => !need.keys.some(has)).map((need) => need.label);
  if (missing.length === 0) return mapping;
  const shown = mapping.slice(0, 20).map((column, index) => column.header || `(blank column ${index + 1})`);
  const more = mapping.length > 20 ? `, and ${mapping.length - 20} more` : '';
  const guess = guessImportEntity(fields);
  const hint = guess !== null && guess !== entity ? ` The columns look like ${guess}: import it as ${guess} instead.` : '';
  throw new FileProblem(
    `Cannot import ${name} as ${entity}: it has no ${missing.join(', no ')} column. Columns found: ${shown.join(', ')}${more}.${hint} ` +
      `Otherwise name the columns (for example ${required.map((need) => `"${need.keys[0]}"`).join(', ')}) and import again.`,
  );
}
