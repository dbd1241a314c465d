import { z } from 'zod';
import { FieldType } from './field-type';
import { ParseContext } from './parse-context';

/** The share of a column's non-empty values a type must read for the column to take it. */
export const DETECTION_THRESHOLD = 0.9;

export interface ColumnHints {
  /** The column's header, whose words may break a tie between types. */
  header?: string;
  /** The file's locale (see detectLocale); the column may refine its date order and decimal mark. */
  locale?: ParseContext;
}

/** A column's detected type, as a schema so an import preview can carry it over the contract. */
export const ColumnDetection = z.object({
  type: FieldType,
  /** Share of the non-empty values that parse as `type` (0 for an empty column). */
  confidence: z.number().min(0).max(1),
  /** How to parse this column: the file's locale with the column's own date order, decimal mark and list delimiter. */
  context: ParseContext,
  nonEmpty: z.number().int().nonnegative(),
  parsed: z.number().int().nonnegative(),
  /** Ambiguities the data left open and how they were settled. */
  warnings: z.array(z.string()),
  /** The first values that did not parse as `type`, with the reason. */
  failures: z.array(z.object({ value: z.string(), reason: z.string() })),
});
export type ColumnDetection = z.infer<typeof ColumnDetection>;
