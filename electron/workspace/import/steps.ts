import { DELIMITER_NAMES } from './dialect';
import { hexBytes } from './encoding';
import { next, reject, skip, type ImportContext, type Row, type Step } from './pipeline';
import { MAX_RECORD_CHARS, type CsvRecord } from './records';
import { fmt, plural } from './text';

/** Steps every entity shares: what the reader found, bad bytes, blank lines and the row's shape. */

export const isBlank = (fields: readonly string[]): boolean => fields.every((field) => field.trim() === '');

export function quoteProblem(record: CsvRecord): string | null {
  const { problem, line, endLine } = record;
  if (problem === null) return null;
  switch (problem.kind) {
    case 'unclosed':
      return `a quoted value that starts on this line is never closed, so this line was rejected and reading resumed at line ${fmt(line + 1)}; add the missing closing quote (")`;
    case 'too_long':
      return `a value that starts on this line runs for more than ${MAX_RECORD_CHARS / (1024 * 1024)} MB, so lines ${fmt(line)}–${fmt(endLine)} were skipped as one row and reading resumed after them; check for a missing or extra quote (")`;
    case 'malformed':
      return problem.spanned
        ? `a quote (") inside a quoted value is not doubled, so this line was rejected and reading resumed at line ${fmt(line + 1)}; write "" for a literal quote inside quotes`
        : 'a quote (") inside a quoted value is not doubled; write "" for a literal quote inside quotes';
  }
}

export function structureStep<T>(): Step<T> {
  return {
    name: 'structure',
    run: ({ record }) => {
      const problem = quoteProblem(record);
      return problem === null ? next : reject(problem);
    },
  };
}

/**
 * In a UTF-8 file with a few bad bytes, their rows hold U+FFFD where a letter
 * was: reject them (naming the bytes) rather than store a damaged value.
 */
export function encodingStep<T>({ encoding }: ImportContext): Step<T> {
  return {
    name: 'encoding',
    run: ({ record }) => {
      if (encoding.invalidSequences === 0 || !record.text.includes('\uFFFD')) return next;
      let bytes: number[] = [];
      for (let line = record.line; line <= record.endLine && bytes.length === 0; line++) bytes = encoding.badBytes.get(line) ?? [];
      const which = bytes.length > 0 ? `byte${bytes.length === 1 ? '' : 's'} ${hexBytes(bytes)}` : 'bytes';
      return reject(
        `${which} on this line ${bytes.length === 1 ? 'is' : 'are'} not valid UTF-8, though the rest of the file is UTF-8 ` +
          '(probably a character pasted from a file saved in another encoding); retype the character and import this row again',
      );
    },
  };
}

export function blankStep<T>(): Step<T> {
  return { name: 'blank', run: ({ record }) => (isBlank(record.fields) ? skip : next) };
}

/** The row has as many fields as the header (extra empty cells from a trailing delimiter lose nothing). */
export function shapeStep<T>({ mapping, dialect }: ImportContext): Step<T> {
  const expected = mapping.length;
  const name = DELIMITER_NAMES[dialect.delimiter];
  return {
    name: 'shape',
    run: ({ record: { fields } }: Row<T>) => {
      if (fields.length < expected) {
        return reject(
          `${plural(fields.length, 'field', 'fields')}, but the header has ${fmt(expected)}; a value is missing or the row is cut short`,
        );
      }
      if (fields.length > expected && !isBlank(fields.slice(expected))) {
        return reject(
          `${plural(fields.length, 'field', 'fields')}, but the header has ${fmt(expected)}; check for an unquoted ${name} in a value (put values containing a ${name} in double quotes)`,
        );
      }
      return next;
    },
  };
}
