import { z } from 'zod';
import { ESP_IDS } from '../esp';

/**
 * The `esp.audience` job's result: what was written where. A cancelled or
 * failed export wrote no file (`path` null): rows go to a temporary file
 * next to the target, renamed onto it only once the last row is written.
 */
export const AudienceOutcome = z.object({
  status: z.enum(['succeeded', 'cancelled', 'failed']),
  message: z.string().nullable(),
  esp: z.enum(ESP_IDS),
  segment: z.object({ id: z.number().int(), name: z.string() }),
  /** Header of the CSV, in order: the ESP's attribute names. */
  columns: z.array(z.string()),
  /** Contacts written (one row each). */
  rows: z.number().int(),
  /** Cells a spreadsheet would have run as formulas, neutralised with a leading apostrophe. */
  neutralised: z.number().int(),
  /** The CSV written, or null when nothing was. */
  path: z.string().nullable(),
});
export type AudienceOutcome = z.infer<typeof AudienceOutcome>;
