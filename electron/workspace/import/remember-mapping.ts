import type { ColumnChoice, ImportEntityName, ImportReport, ImportSettings } from '../../../shared/contract/schemas';
import type { Db } from '../db';
import { saveMapping } from '../import-mappings-repo';

/**
 * After a successful import, save the mapping it used for its header row, so
 * the wizard proposes it for the next file with the same header. The user's
 * choices when there were any (ignored columns included), otherwise the
 * mapping the import detected.
 */
export function rememberMapping(db: Db, entity: ImportEntityName, report: ImportReport, settings: ImportSettings | undefined): void {
  if (report.status !== 'succeeded') return;
  const columns: ColumnChoice[] =
    settings?.columns ?? report.mapping.map((column) => ({ header: column.header, target: column.kind, key: column.key }));
  if (columns.length === 0) return;
  saveMapping(
    db,
    entity,
    columns.map((column) => column.header),
    { ...settings, columns },
  );
}
