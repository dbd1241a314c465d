import type { FieldCatalogue, TypedField } from '../fields/catalogue';
import type { FieldType, ParseContext } from '../fields/types';
import { compileTree } from './compile-tree';
import { RuleError } from './rule-error';
import type { LeafCondition } from './rule-tree';

/** What the builder knows of a profile field: its type, whether it is a custom attribute, and the locale its values were imported with. */
export interface LeafField {
  readonly type: FieldType;
  readonly custom?: boolean;
  /** Null until an import has typed the field: the engine then compares its text. */
  readonly locale?: ParseContext | null;
}

export interface LeafContext {
  /** Profile fields by key; a field missing here is unknown to the workspace. */
  readonly fields: ReadonlyMap<string, LeafField>;
  /** The segment being edited: a rule may not ask for membership of itself. */
  readonly selfId?: number;
  /** Ids of the segments that exist, when known: a condition on a deleted segment is flagged. */
  readonly segmentIds?: ReadonlySet<number>;
}

const ORDERED: ReadonlySet<string> = new Set(['gt', 'gte', 'lt', 'lte']);
/** Any fixed day: whether a value reads does not depend on the as-of date. */
const ANY_DAY = '2000-01-01';

/** The compiler's view of the workspace's fields: typed ones (with a locale) by key, and the custom keys. */
function compileFields(fields: ReadonlyMap<string, LeafField>): { catalogue: FieldCatalogue; knownCustom: Set<string> } {
  const catalogue: Record<string, TypedField> = {};
  const knownCustom = new Set<string>();
  for (const [key, field] of fields) {
    if (field.locale) catalogue[key] = { type: field.type, context: field.locale };
    if (field.custom) knownCustom.add(key);
  }
  return { catalogue, knownCustom };
}

/**
 * Why a condition cannot be counted as typed, or null when it can: the
 * message the builder shows next to the value (`"total_spent" is an amount
 * field: "abc" is not an amount.`). The leaf goes through the engine's own
 * compiler (pure, no database), so the builder refuses exactly what the
 * count would, with the same words, on every keystroke and without a round
 * trip. Membership of other segments is checked here only for existence and
 * self-reference; cycles through other segments are the engine's to refuse.
 */
export function validateLeaf(leaf: LeafCondition, context: LeafContext): string | null {
  if (leaf.kind === 'segment') {
    if (leaf.segmentId === context.selfId) return 'A segment cannot be a condition of itself.';
    return context.segmentIds && !context.segmentIds.has(leaf.segmentId) ? 'Pick a segment.' : null;
  }
  if (leaf.kind === 'field') {
    if (!context.fields.has(leaf.field)) return `There is no field "${leaf.field}" in this workspace.`;
    // The compiler reads an empty ordered comparison as "no condition"; in the builder it is a value still to type.
    if (ORDERED.has(leaf.op) && leaf.value.trim() === '') return 'Enter a value to compare with.';
  }
  if (leaf.kind === 'events' && leaf.eventType.trim() === '') return 'Pick an event type.';
  const { catalogue, knownCustom } = compileFields(context.fields);
  try {
    compileTree(
      { kind: 'group', combinator: 'and', negate: false, children: [leaf] },
      {
        catalogue,
        knownCustom,
        asOf: ANY_DAY,
        resolveSegment: () => {
          throw new RuleError('Pick a segment.');
        },
      },
    );
    return null;
  } catch (error) {
    if (error instanceof RuleError) return error.message;
    throw error;
  }
}
