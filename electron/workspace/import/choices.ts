import iconv from 'iconv-lite';
import type { ColumnChoice, ColumnMapping, ImportSettings } from '../../../shared/contract/schemas';
import { compactHeader, toSnakeKey } from '../../../shared/fields/naming';
import type { Dialect } from './dialect';
import { decideEncoding, type EncodingDecision } from './encoding';
import type { ImportContext, ImportEntity, Step } from './pipeline';
import { next, reject } from './pipeline';
import type { SourceFile } from './source';
import { FileProblem, fmt, plural } from './text';

/**
 * What the user chose in the import wizard (or a mapping file), applied at
 * the three points where an import otherwise decides for itself: the
 * encoding, the delimiter, and the header mapping. Everything left out is
 * detected as usual.
 */

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1252': 'Windows-1252 (Western European)',
  'iso-8859-15': 'ISO-8859-15 (Western European with €)',
  macintosh: 'Mac OS Roman',
};

/** The encoding a user named, checked against what iconv-lite can decode; throws FileProblem naming it otherwise. */
export function chosenEncoding(encoding: string, name: string): EncodingDecision {
  const normalised = encoding.trim().toLowerCase();
  if (!iconv.encodingExists(normalised)) {
    throw new FileProblem(`Cannot import ${name}: "${encoding}" is not an encoding Tailor knows. Pick one such as utf-8 or windows-1252.`);
  }
  return {
    encoding: normalised,
    label: ENCODING_LABELS[normalised] ?? normalised,
    confidence: 100,
    invalidSequences: 0,
    badBytes: new Map(),
  };
}

/** Decision point 1: the user's encoding, or the whole-file decision. */
export function decideEncodingWith(source: SourceFile, settings: ImportSettings | undefined): Promise<EncodingDecision> {
  return settings?.encoding ? Promise.resolve(chosenEncoding(settings.encoding, source.name)) : decideEncoding(source);
}

/** Decision point 2: the user's delimiter over the detected one (the line break stays detected). */
export function dialectWith(detected: Dialect, settings: ImportSettings | undefined): Dialect {
  return settings?.delimiter ? { ...detected, delimiter: settings.delimiter } : detected;
}

const sameHeader = (a: string, b: string): boolean => a.trim() === b.trim() || compactHeader(a) === compactHeader(b);

/** Checks that `columns` describe exactly this header row; the message says which column differs and what to do. */
export function checkColumns(fields: readonly string[], columns: readonly ColumnChoice[], name: string): void {
  const redo = 'Map the file again in the import wizard (or write a new mapping file with --save-mapping).';
  if (columns.length !== fields.length) {
    throw new FileProblem(
      `Cannot import ${name} with this mapping: it describes ${plural(columns.length, 'column', 'columns')}, and the file's header has ${fmt(fields.length)}. ${redo}`,
    );
  }
  columns.forEach((column, index) => {
    const field = fields[index] ?? '';
    if (!sameHeader(column.header, field)) {
      throw new FileProblem(
        `Cannot import ${name} with this mapping: column ${fmt(index + 1)} is "${field}" in the file but "${column.header}" in the mapping. ${redo}`,
      );
    }
  });
  const seen = new Map<string, string>();
  for (const column of columns) {
    if (column.target === 'ignored') continue;
    const id = `${column.target}:${column.key}`;
    if (column.key.trim() === '')
      throw new FileProblem(`Cannot import ${name}: column "${column.header}" has no field name. Name it, or ignore the column.`);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new FileProblem(
        `Cannot import ${name}: columns "${earlier}" and "${column.header}" both go to ${column.key}. Send one of them elsewhere, or ignore it.`,
      );
    }
    seen.set(id, column.header);
  }
}

/**
 * Header names the entity's own mapper reads as the chosen targets: a known
 * field's key for canonical columns, a name no synonym matches for custom ones.
 * Running the mapper on these keeps its checks (an email or id column, the
 * required order columns, the custom-field limit) for what the user chose.
 */
const standIn = (column: ColumnChoice, index: number): string => (column.target === 'canonical' ? column.key : `tailorcustom${index + 1}x`);
const STAND_IN = /tailorcustom(\d+)x/g;
/** How many columns a refusal's "Columns found" list names (as the entities' own mappers do). */
const SHOWN_COLUMNS = 20;

/**
 * The entity's mapping of the stand-ins; a refusal names the file's own headers, not the stand-ins: its
 * "Columns found" list (stand-ins for known fields are the fields' keys) is rebuilt from the kept columns' headers.
 */
function mapStandIns<T>(
  entity: ImportEntity<T>,
  kept: readonly { index: number }[],
  standIns: string[],
  fields: readonly string[],
  context: Omit<ImportContext, 'mapping'>,
) {
  try {
    return entity.mapHeader(standIns, context);
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    const listed = (names: readonly string[]) => `Columns found: ${names.slice(0, SHOWN_COLUMNS).join(', ')}`;
    const headers = kept.map(({ index }) => fields[index] || `(blank column ${index + 1})`);
    const message = error.message
      .replace(listed(standIns), () => listed(headers))
      .replace(STAND_IN, (_, index: string) => fields[Number(index) - 1] ?? '');
    throw new FileProblem(message);
  }
}

/** Decision point 3: the entity's header mapping, with the user's columns applied (ignored ones left out) and checked. */
export function withColumnChoices<T>(entity: ImportEntity<T>, settings: ImportSettings | undefined): ImportEntity<T> {
  // Inside any wrapper that changes the header: the choices describe the header the entity sees.
  if (entity.around) return entity.around((inner) => withColumnChoices(inner, settings));
  const columns = settings?.columns;
  const locale = settings?.locale;
  if (!columns && !locale) return entity;
  const mapHeader: ImportEntity<T>['mapHeader'] = (fields, context) => {
    if (!columns) return entity.mapHeader(fields, context).map((column) => ({ ...column, locale }));
    checkColumns(fields, columns, context.name);
    // What the entity would do on its own, for the row-by-row fills (other phone columns, a full name) of columns left as they were.
    const detected = detectedMapping(entity, fields, context);
    const kept = columns.flatMap((column, index) => (column.target === 'ignored' ? [] : [{ column, index }]));
    const mapped = mapStandIns(
      entity,
      kept,
      kept.map(({ column, index }) => standIn(column, index)),
      fields,
      context,
    );
    return kept.map(({ column, index }, position): ColumnMapping => {
      const auto = mapped[position];
      if (column.target === 'canonical' && auto?.kind !== 'canonical') {
        throw new FileProblem(
          `Cannot import ${context.name}: column "${column.header}" goes to "${column.key}", which is not a ${entity.wording.one} field. Pick one of the listed fields, or keep the column as a custom attribute.`,
        );
      }
      const key = column.target === 'canonical' ? column.key : toSnakeKey(column.key) || `column_${index + 1}`;
      const own = detected?.[index];
      const fills = own !== undefined && own.kind === column.target && own.key === key ? own.fills : undefined;
      return {
        header: fields[index] ?? column.header,
        key,
        kind: column.target === 'canonical' ? 'canonical' : 'custom',
        ...(fills ? { fills } : {}),
        ...(column.type ? { type: column.type } : {}),
        ...(locale ? { locale } : {}),
      };
    });
  };
  const ignored = columns ? columns.flatMap((column, index) => (column.target === 'ignored' ? [index] : [])) : [];
  const steps = (context: ImportContext): Step<T>[] =>
    ignored.length === 0 ? entity.steps(context) : [dropIgnoredStep<T>(columns?.length ?? 0, ignored), ...entity.steps(context)];
  return { ...entity, mapHeader, steps };
}

function detectedMapping<T>(
  entity: ImportEntity<T>,
  fields: readonly string[],
  context: Omit<ImportContext, 'mapping'>,
): ColumnMapping[] | null {
  try {
    return entity.mapHeader(fields, context);
  } catch (error) {
    if (error instanceof FileProblem) return null;
    throw error;
  }
}

/**
 * Removes the ignored columns' cells, so every later step sees the row as the
 * mapping describes it. A row shorter than the header is rejected here, since
 * after removal its length could no longer tell it was short.
 */
function dropIgnoredStep<T>(width: number, ignored: readonly number[]): Step<T> {
  const drop = new Set(ignored);
  return {
    name: 'ignored columns',
    reshapes: true,
    run: ({ record }) => {
      if (record.problem !== null || record.fields.every((field) => field.trim() === '')) return next;
      if (record.fields.length < width) {
        return reject(
          `${plural(record.fields.length, 'field', 'fields')}, but the header has ${fmt(width)}; a value is missing or the row is cut short`,
        );
      }
      record.fields = record.fields.filter((_, index) => !drop.has(index));
      return next;
    },
  };
}
