import fs from 'node:fs';
import Papa from 'papaparse';
import { ContractError } from '../../../shared/contract/envelope';
import type { AudiencePlan } from '../../../shared/contract/esp-schemas';
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
/** Spreadsheets read the file as UTF-8 (accents intact) only with a byte order mark. */
const BOM = '\uFEFF';
const CSV = { quotes: true, newline: '\r\n' } as const;

export function findSegment(db: Db, segment: number | string): { id: number; name: string } {
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
 * The audience CSV's columns: every field, score and segment membership
 * under the ESP's attribute name (the workspace's field map), the customer
 * id first (a canonical field: each ESP's contact key), then the derived
 * attributes of a template's export (values the ESP cannot compute).
 */
export function audienceColumns(db: Db, esp: EspId, derived: readonly DialectAttribute[]) {
  const tokens = workspaceTokens(db);
  const fieldMap = effectiveFieldMap(
    esp,
    tokens.map((t) => t.token),
    savedFieldMap(db, esp),
  );
  const columns: AudiencePlan['columns'] = [
    ...tokens.map(({ token, kind }) => ({ token, kind, attribute: fieldMap[token] as string })),
    ...derived.map((a) => ({ token: a.token, kind: 'derived' as const, attribute: a.attribute })),
  ];
  return { fieldMap, columns };
}

/** How many contacts an audience of the segment holds. */
export function audienceSize(db: Db, segmentId: number): number {
  return listCustomers(db, { offset: 0, limit: 1, search: '', filter: segmentFilter(db, segmentId) }).total ?? 0;
}

export interface AudienceProgress {
  rows: number;
  total: number;
}

/**
 * Writes a segment's members as a contact-import CSV for the ESP to `file`
 * (created; the caller renames it into place): every cell quoted, CRLF, a
 * BOM; each value as the round-trip check reads it (`contactProfile`), and
 * every cell, headers too (names are editable), neutralised against CSV
 * injection. Pages through the members 1,000 at a time, so memory stays flat.
 */
export function writeAudience(
  db: Db,
  options: {
    segmentId: number;
    esp: EspId;
    derived: readonly DialectAttribute[];
    file: string;
    progress?: (update: AudienceProgress) => void;
  },
): { columns: string[]; rows: number; neutralised: number } {
  const { esp, file } = options;
  const { fieldMap, columns } = audienceColumns(db, esp, options.derived);
  const names = columns.map((column) => column.attribute);
  const derived = new DerivedValues(options.derived);
  const fields = fieldCatalogue(db);
  const filter = segmentFilter(db, options.segmentId);
  const fd = fs.openSync(file, 'wx');
  let rows = 0;
  let neutralised = 0;
  try {
    fs.writeSync(fd, BOM + Papa.unparse({ fields: names.map(neutraliseCell), data: [] }, CSV));
    let total = 0;
    for (let offset = 0; ; offset += PAGE) {
      const page = listCustomers(db, { offset, limit: PAGE, search: '', filter, withTotal: offset === 0 });
      if (offset === 0) total = page.total ?? 0;
      const computed = computedTokens.tokensForMany(
        db,
        page.rows.map((row) => row.id),
      );
      const data: string[][] = [];
      for (const customer of page.rows) {
        const context = withComputedTokens(customerContext(customer, catalogueReader(fields, customer.typed)), computed.get(customer.id));
        const profile = contactProfile(esp, context, fieldMap, derived);
        data.push(audienceCells(profile, names));
        neutralised += names.filter((column) => isFormulaLike(profileText(profile[column]))).length;
      }
      if (data.length > 0) fs.writeSync(fd, CSV.newline + Papa.unparse(data, CSV));
      rows += data.length;
      options.progress?.({ rows, total });
      if (page.rows.length < PAGE) break;
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { columns: names, rows, neutralised };
}
