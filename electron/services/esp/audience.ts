import Papa from 'papaparse';
import { ContractError } from '../../../shared/contract/envelope';
import type { AudienceCsv } from '../../../shared/contract/esp-schemas';
import { audienceCells, contactProfile } from '../../../shared/esp/audience/audience-row';
import { effectiveFieldMap } from '../../../shared/esp/audience/attribute-names';
import { isFormulaLike, neutraliseCell } from '../../../shared/esp/audience/neutralise';
import { DerivedValues } from '../../../shared/esp/audience/derived-values';
import type { DialectAttribute, EspId } from '../../../shared/esp/esp';
import { profileText } from '../../../shared/esp/roundtrip/profile';
import { withComputedTokens } from '../../../shared/templates/computed-tokens';
import { customerContext } from '../../../shared/templates/customer-context';
import { catalogueReader } from '../../../shared/templates/typed-fields';
import { fieldCatalogue, listCustomers } from '../../workspace/customers-repo';
import type { Db } from '../../workspace/db';
import { savedFieldMap } from '../../workspace/esp-field-maps-repo';
import { segmentFilter } from '../../workspace/segments-repo';
import { computedTokens } from '../computed-tokens';
import { workspaceTokens } from './esp-tokens';

const PAGE = 1_000;

function findSegment(db: Db, segment: number | string): { id: number; name: string } {
  const row = (
    typeof segment === 'number'
      ? db.prepare('SELECT id, name FROM segments WHERE id = ?').get(segment)
      : db.prepare('SELECT id, name FROM segments WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1').get(segment)
  ) as { id: number; name: string } | undefined;
  if (!row)
    throw new ContractError('not_found', `No segment ${typeof segment === 'number' ? `#${segment}` : `"${segment}"`} in this workspace.`);
  return row;
}

/**
 * A segment's members as a contact-import CSV for the ESP: every field, score and segment membership under the ESP's attribute
 * names (the workspace's field map), each value as the round-trip check
 * reads it, and the derived attributes of a template's export (values the
 * ESP cannot compute, rendered per contact by Tailor). Every cell (headers too: names are editable) is neutralised
 * against CSV injection and quoted.
 */
export function audienceCsv(
  db: Db,
  segment: number | string,
  esp: EspId,
  derivedAttributes: readonly DialectAttribute[] = [],
): AudienceCsv {
  const found = findSegment(db, segment);
  const tokens = workspaceTokens(db).map((t) => t.token);
  const fieldMap = effectiveFieldMap(esp, tokens, savedFieldMap(db, esp));
  const derived = new DerivedValues(derivedAttributes);
  // The customer id comes first (a canonical field): each ESP's contact key (Braze and Klaviyo external_id…).
  // Derived values (what a template asks the ESP for and it cannot compute) come last.
  const columns = [...tokens.map((token) => fieldMap[token] as string), ...derivedAttributes.map((a) => a.attribute)];
  const fields = fieldCatalogue(db);
  const filter = segmentFilter(db, found.id);
  const data: string[][] = [];
  let neutralised = 0;
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = listCustomers(db, { offset, limit: PAGE, search: '', filter, withTotal: false });
    const computed = computedTokens.tokensForMany(
      db,
      rows.map((row) => row.id),
    );
    for (const customer of rows) {
      const context = withComputedTokens(customerContext(customer, catalogueReader(fields, customer.typed)), computed.get(customer.id));
      const profile = contactProfile(esp, context, fieldMap, derived);
      data.push(audienceCells(profile, columns));
      neutralised += columns.filter((column) => isFormulaLike(profileText(profile[column]))).length;
    }
    if (rows.length < PAGE) break;
  }
  const csv = Papa.unparse({ fields: columns.map(neutraliseCell), data }, { quotes: true, newline: '\r\n' });
  return { esp, segment: found, columns, rows: data.length, neutralised, csv };
}
