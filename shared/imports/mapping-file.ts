import { z } from 'zod';
import { ColumnChoice, CsvDelimiter, ImportEntityName, type ImportSettings } from '../contract/schemas';
import { ParseContext } from '../fields/types/parse-context';

/**
 * A saved import mapping, as the workspace stores it per header row and as
 * `tailor import --mapping <file>` reads it: what the file holds and every
 * choice the import wizard offers. Written by `tailor mapping` or
 * `tailor import --save-mapping`; documented in the README.
 */
export const MAPPING_FILE_KIND = 'tailor-import-mapping';

export const MappingFile = z
  .object({
    kind: z.literal(MAPPING_FILE_KIND),
    version: z.literal(1),
    entity: ImportEntityName,
    encoding: z.string().trim().min(1).max(40).optional(),
    delimiter: CsvDelimiter.optional(),
    locale: ParseContext.optional(),
    columns: z.array(ColumnChoice).min(1).max(2000),
  })
  .strict();
export type MappingFile = z.infer<typeof MappingFile>;

export const mappingFileOf = (entity: ImportEntityName, settings: ImportSettings & { columns: ColumnChoice[] }): MappingFile => ({
  kind: MAPPING_FILE_KIND,
  version: 1,
  entity,
  ...(settings.encoding ? { encoding: settings.encoding } : {}),
  ...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
  ...(settings.locale ? { locale: settings.locale } : {}),
  columns: settings.columns,
});

export const settingsOf = ({ encoding, delimiter, locale, columns }: MappingFile): ImportSettings => ({
  ...(encoding ? { encoding } : {}),
  ...(delimiter ? { delimiter } : {}),
  ...(locale ? { locale } : {}),
  columns,
});

/** Why a mapping file cannot be used, in words that name the place: "columns[2].target: …". */
export function describeMappingProblem(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.reduce<string>(
        (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
        '',
      );
      return `${where || 'the file'}: ${issue.message}`;
    })
    .join('; ');
}
