import type { FieldType, ParseContext } from './types';

/** How one field's text is read: its type, and the locale of the import that typed it. */
export interface TypedField {
  readonly type: FieldType;
  readonly context: ParseContext;
}

/**
 * The typed fields of a workspace by key (canonical or custom). Plain data,
 * so it crosses to a render worker with the customer; a field that is absent
 * (or text) reaches templates as the text it was imported as.
 */
export type FieldCatalogue = Readonly<Record<string, TypedField>>;
