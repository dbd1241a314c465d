import type { Customer } from '../contract/schemas';
import type { FieldCatalogue } from '../fields/catalogue';
import { storedValue } from '../fields/types/stored-value';
import type { ValueReader } from './customer-context';
import { liquidValue } from './typed-value';

/**
 * Reads each typed field from the values stored at import (`customer.typed`),
 * checked against the field's type in the catalogue, so numbers compare as
 * numbers and "nein" is false without parsing anything per render. A value
 * its type could not read has no stored value and stays its text, as do
 * untyped fields.
 */
export function catalogueReader(fields: FieldCatalogue, typed: Customer['typed']): ValueReader {
  return (key, text) => {
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!field || !typed || !Object.hasOwn(typed, key)) return text;
    const value = storedValue(field.type, typed[key]);
    return value === null ? text : liquidValue(field.type, value);
  };
}
