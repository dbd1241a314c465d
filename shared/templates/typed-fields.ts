import type { FieldCatalogue } from '../fields/catalogue';
import { parseValue } from '../fields/types';
import type { ValueReader } from './customer-context';
import { liquidValue } from './typed-value';

/**
 * Reads each field's text with its type and locale from the catalogue, so
 * numbers compare as numbers and "nein" is false. A value its type cannot
 * read (a word in a number column) stays its text; untyped fields stay text.
 */
export function catalogueReader(fields: FieldCatalogue): ValueReader {
  return (key, text) => {
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!field) return text;
    const result = parseValue(field.type, text, field.context);
    return result.ok ? liquidValue(field.type, result.value) : text;
  };
}
