import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type {
  ColumnChoice,
  ColumnMapping,
  ImportEntityName,
  ImportPreview,
  ImportSettings,
  PreviewColumn,
} from '../../../shared/contract/schemas';
import { mapHeaders } from '../../../shared/fields/canonical';
import { detectColumn, detectLocale } from '../../../shared/fields/types';
import { EVENT_SYNONYMS, guessImportEntity, mapActivityHeaders, ORDER_SYNONYMS } from '../../../shared/imports/activity-headers';
import type { Db } from '../db';
import { findSavedMapping } from '../import-mappings-repo';
import { checkColumns, chosenEncoding, withColumnChoices } from './choices';
import { detectDialect, type Dialect } from './dialect';
import { decideEncoding, type EncodingDecision } from './encoding';
import { ENTITIES } from './entities';
import { isBlankRow as isBlank, parseRows, sampleText } from './sample-rows';
import { openSource, type SourceFile } from './source';
import { MAX_COLUMNS } from './run-import';
import { FileProblem } from './text';
import { hasReasonsColumn } from './validation/source-header';

/**
 * The first rows of a file as an import would read them, for the import
 * wizard. Reads at most PREVIEW_BYTES from the start of the file, whatever its
 * size: the encoding of a bigger file is decided from that sample and marked
 * provisional (the import itself decides on the whole file, in its worker,
 * unless the user picks an encoding); column types are detected on the
 * sample's rows (the import detects them on every row).
 */

export const PREVIEW_BYTES = 1024 * 1024;
/** Rows and cells detection reads: enough to see a column's shape, cheap enough for the host's thread (a few µs a cell). */
const DETECTION_ROWS = 1000;
const DETECTION_CELLS = 100_000;

/** The choices the user actually made (an explicit undefined must not hide a saved one). */
const definedChoices = ({ encoding, delimiter, locale }: ImportSettings): ImportSettings => ({
  ...(encoding ? { encoding } : {}),
  ...(delimiter ? { delimiter } : {}),
  ...(locale ? { locale } : {}),
});

export interface PreviewRequest {
  file: string;
  name: string;
  entity?: ImportEntityName;
  settings?: ImportSettings;
  rows: number;
}

function readSample(source: SourceFile): Buffer {
  if (source.size <= source.sample.length) return source.sample;
  const fd = fs.openSync(source.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(PREVIEW_BYTES, source.size));
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** A sample cut mid-character is still UTF-8: allow an unfinished sequence of up to three bytes at its end. */
const utf8Sample = (sample: Buffer): boolean => [0, 1, 2, 3].some((cut) => isUtf8(sample.subarray(0, sample.length - cut)));

/** The encoding from the sample alone, for files bigger than it (the import checks the whole file). */
function sampleEncoding(sample: Buffer, name: string): EncodingDecision {
  const decided = (encoding: string, confidence: number): EncodingDecision => ({ ...chosenEncoding(encoding, name), confidence });
  if (sample[0] === 0xff && sample[1] === 0xfe) return decided('utf-16le', 100);
  if (sample[0] === 0xfe && sample[1] === 0xff) return decided('utf-16be', 100);
  if (utf8Sample(sample)) return decided('utf-8', 100);
  for (const match of chardet.analyse(sample)) {
    const guess = match.name.toLowerCase();
    if (guess === 'utf-8' || guess.startsWith('iso-2022')) continue;
    const encoding = guess === 'iso-8859-1' ? 'windows-1252' : guess;
    if (iconv.encodingExists(encoding)) return decided(encoding, match.confidence);
  }
  return decided('windows-1252', 0);
}

/** What the entity's mapper makes of the header, or the plain synonym mapping when the file would be refused as it is. */
function detectedColumns(
  db: Db,
  entity: ImportEntityName,
  header: string[],
  name: string,
  encoding: EncodingDecision,
  dialect: Dialect,
): ColumnMapping[] {
  try {
    return ENTITIES[entity].mapHeader(header, { db, importId: 0, name, dialect, encoding });
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    if (entity === 'orders') return mapActivityHeaders(header, ORDER_SYNONYMS);
    if (entity === 'events') return mapActivityHeaders(header, EVENT_SYNONYMS);
    return mapHeaders(header);
  }
}

const choiceOf = (column: ColumnMapping): ColumnChoice => ({ header: column.header, target: column.kind, key: column.key });

/** Whether the choices still describe this header (a new delimiter or encoding gives other columns). */
function fits(columns: readonly ColumnChoice[] | undefined, header: readonly string[], name: string): columns is ColumnChoice[] {
  if (!columns) return false;
  try {
    checkColumns(
      header,
      columns.map((column) => ({ ...column, target: 'ignored' as const })),
      name,
    );
    return true;
  } catch {
    return false;
  }
}

/** Throws FileProblem when the file cannot be previewed at all (missing, a folder, empty, binary). */
export async function previewImport(db: Db, request: PreviewRequest): Promise<ImportPreview> {
  const { file, name } = request;
  const source = openSource(file, name);
  const sample = readSample(source);
  const whole = sample.length >= source.size;
  const wanted = request.settings ?? {};

  const encoding = wanted.encoding
    ? chosenEncoding(wanted.encoding, name)
    : whole
      ? await decideEncoding(source)
      : sampleEncoding(sample, name);
  const text = sampleText(sample, encoding.encoding, whole);
  const detectedDialect = detectDialect(text);
  const dialect: Dialect = wanted.delimiter ? { ...detectedDialect, delimiter: wanted.delimiter } : detectedDialect;
  const rows = parseRows(text, dialect);
  const headerAt = rows.findIndex((row) => !isBlank(row));
  if (headerAt === -1) throw new FileProblem(`Cannot import ${name}: it contains only blank lines, no header row.`);
  const fileHeader = rows[headerAt] ?? [];
  // A rejected-rows file's reasons column is not data: an import leaves it out (withValidation), so the preview does too.
  const reasons = hasReasonsColumn(fileHeader) ? 1 : 0;
  const header = fileHeader.slice(reasons);
  const data = rows
    .slice(headerAt + 1)
    .filter((row) => !isBlank(row))
    .map((row) => row.slice(reasons));

  const guessedEntity = guessImportEntity(header);
  const entity = request.entity ?? guessedEntity ?? 'customers';
  const saved = findSavedMapping(db, entity, header);
  // Until the user maps columns themselves, the saved mapping is proposed (under any encoding or delimiter they chose).
  const applied = saved !== null && wanted.columns === undefined;
  const settings: ImportSettings = applied ? { ...saved.settings, ...definedChoices(wanted), columns: saved.settings.columns } : wanted;
  if (applied && (settings.encoding !== wanted.encoding || settings.delimiter !== wanted.delimiter)) {
    // The saved mapping named another encoding or delimiter: read the sample as it says.
    return previewImport(db, { ...request, entity, settings }).then((preview) => ({
      ...preview,
      saved: { savedAt: saved.savedAt, applied },
    }));
  }

  const columns: ColumnChoice[] = fits(settings.columns, header, name)
    ? settings.columns
    : detectedColumns(db, entity, header, name, encoding, dialect).map(choiceOf);
  const chosen: ImportSettings = { ...settings, columns };

  let problem: string | null = null;
  try {
    withColumnChoices(ENTITIES[entity], chosen).mapHeader(fileHeader, { db, importId: 0, name, dialect, encoding });
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    problem = error.message;
  }

  if (fileHeader.length > MAX_COLUMNS) {
    problem = `Cannot import ${name}: it has ${fileHeader.length.toLocaleString('en-US')} columns, and Tailor imports at most ${MAX_COLUMNS.toLocaleString('en-US')}. Remove the columns you do not need for emails and import again.`;
  }
  const detection = data.slice(0, Math.max(20, Math.min(DETECTION_ROWS, Math.floor(DETECTION_CELLS / Math.max(1, header.length)))));
  const detectedLocale = detectLocale(detection);
  const locale = settings.locale ?? detectedLocale.context;
  const previewColumns: PreviewColumn[] = columns.map((column, index) => {
    const values = detection.map((row) => row[index] ?? '');
    const detected = detectColumn(values, { header: column.header, locale });
    return {
      ...column,
      type: column.type ?? detected.type,
      detectedType: detected.type,
      confidence: detected.confidence,
      warnings: detected.warnings,
    };
  });

  return {
    file: name,
    bytes: source.size,
    sampledBytes: sample.length,
    entity,
    guessedEntity,
    encoding: {
      encoding: encoding.encoding,
      label: encoding.label,
      confidence: encoding.confidence,
      provisional: !whole && !wanted.encoding,
    },
    delimiter: dialect.delimiter,
    locale,
    localeWarnings: settings.locale ? [] : detectedLocale.warnings,
    columns: previewColumns,
    rows: data.slice(0, request.rows),
    sampleRows: data.length,
    settings: chosen,
    saved: saved ? { savedAt: saved.savedAt, applied } : null,
    problem,
  };
}
