import type { ColumnMapping } from '../../../../shared/contract/schemas';
import { hasIdentityColumn, mapHeaders } from '../../../../shared/fields/canonical';
import { MAX_CUSTOM_FIELDS } from '../../field-stats';
import type { ImportContext } from '../pipeline';
import { FileProblem, fmt } from '../text';

/** Header row → column mapping: canonical fields by synonym, the rest custom attributes. */
export function mapCustomerHeader(fields: readonly string[], { db, name }: Omit<ImportContext, 'mapping'>): ColumnMapping[] {
  const mapping = mapHeaders([...fields]);
  if (!hasIdentityColumn(mapping)) {
    const shown = mapping.slice(0, 20).map((column, index) => column.header || `(blank column ${index + 1})`);
    const more = mapping.length > 20 ? `, and ${mapping.length - 20} more` : '';
    throw new FileProblem(
      `Cannot import ${name}: it has no email or id column. Columns found: ${shown.join(', ')}${more}. ` +
        'Name one column "email" or "id" and import again.',
    );
  }
  // Every custom field is offered for tokens and rules; past a limit that list stops being usable.
  const known = new Set(db.prepare('SELECT key FROM customer_fields').pluck().all() as string[]);
  const added = new Set(mapping.filter((column) => column.kind === 'custom' && !known.has(column.key)).map((column) => column.key));
  if (known.size + added.size > MAX_CUSTOM_FIELDS) {
    throw new FileProblem(
      `Cannot import ${name}: it would add ${fmt(added.size)} custom fields to the ${fmt(known.size)} this workspace has, ` +
        `and a workspace holds at most ${fmt(MAX_CUSTOM_FIELDS)}. Remove the columns you do not need for emails and import again.`,
    );
  }
  return mapping;
}
