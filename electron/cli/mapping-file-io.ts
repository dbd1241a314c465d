import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../shared/contract/envelope';
import type { ColumnChoice, ImportEntityName, ImportReport, ImportSettings } from '../../shared/contract/schemas';
import { describeMappingProblem, MappingFile, mappingFileOf, settingsOf } from '../../shared/imports/mapping-file';

/**
 * Mapping files for `tailor import --mapping` / `--save-mapping` and
 * `tailor mapping`: the import wizard's choices as JSON (format in the README).
 */

const problem = (file: string, what: string): ContractError =>
  new ContractError(
    'bad_file',
    `${file}: ${what} Write one with \`tailor mapping <workspace> --customers <csv> --out ${path.basename(file)}\` and edit it.`,
  );

/** Reads and checks a mapping file for an import of `entity`; every problem names the file and what is wrong. */
export function readMappingFile(file: string, entity: ImportEntityName): ImportSettings {
  const resolved = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(resolved, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContractError(
      'bad_file',
      code === 'ENOENT'
        ? `${resolved}: mapping file not found. Check the path.`
        : `${resolved}: cannot read the mapping file (${(error as Error).message}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw problem(resolved, `not valid JSON (${(error as Error).message}).`);
  }
  const parsed = MappingFile.safeParse(json);
  if (!parsed.success) throw problem(resolved, `not a Tailor import mapping: ${describeMappingProblem(parsed.error)}.`);
  if (parsed.data.entity !== entity) {
    throw new ContractError(
      'bad_file',
      `${resolved}: this mapping is for ${parsed.data.entity}, and the import is of ${entity}. Use --${parsed.data.entity}, or a mapping for ${entity}.`,
    );
  }
  return settingsOf(parsed.data);
}

/** Writes the mapping an import used (its choices, or what it detected) as a mapping file. */
export function writeMappingFile(file: string, entity: ImportEntityName, settings: ImportSettings & { columns: ColumnChoice[] }): string {
  const resolved = path.resolve(file);
  fs.writeFileSync(resolved, `${JSON.stringify(mappingFileOf(entity, settings), null, 2)}\n`);
  return resolved;
}

export const columnsOfReport = (report: ImportReport): ColumnChoice[] =>
  report.mapping.map((column) => ({
    header: column.header,
    target: column.kind,
    key: column.key,
    ...(column.type ? { type: column.type } : {}),
  }));
