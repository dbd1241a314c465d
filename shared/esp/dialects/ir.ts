/**
 * The part of a Liquid template the ESP converters understand, read from
 * liquidjs' parsed tree (`liquid-tree.ts`): text, outputs with their filters,
 * if chains, loops and assignments, over operands that already say what they
 * are (a customer field, a segment, a loop variable). Each dialect writes this
 * tree; nothing here knows any ESP.
 */

/** Where a construct was written: its 1-based line in the converted HTML and its text. */
export interface At {
  line: number | null;
  construct: string;
}

export type Literal = string | number | boolean | null;

export type Operand =
  | { kind: 'literal'; value: Literal }
  /** A customer field or computed score, by its snake_case token name (`first_name`, `rfm_tier`). */
  | { kind: 'field'; token: string }
  /** A name the template set itself: a loop variable or an `assign`, with the properties read from it. */
  | { kind: 'local'; name: string; path: string[] }
  /** `forloop.index` and friends of the innermost loop over `loop`. */
  | { kind: 'forloop'; loop: string; property: string }
  /** Something no dialect is asked to write (a dynamic key, a range); `reason` says why. */
  | { kind: 'unsupported'; text: string; reason: string };

export interface Filter {
  name: string;
  args: Operand[];
  /** As written after the pipe, e.g. `date: "%B %-d, %Y"`: used to evaluate constant values with liquidjs. */
  text: string;
}

export interface ValueExpr {
  base: Operand;
  filters: Filter[];
}

export type CompareOp = '==' | '!=' | '>' | '<' | '>=' | '<=';

export type Cond =
  | { kind: 'and' | 'or'; left: Cond; right: Cond }
  | { kind: 'not'; operand: Cond }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  /** Liquid `contains`: substring of a string, or member of a list. */
  | { kind: 'contains'; left: Operand; right: Operand }
  /** The operand has a value (Liquid truthiness; Tailor leaves empty fields undefined). */
  | { kind: 'present'; operand: Operand }
  /** `== blank`, `== empty`, `== nil`. */
  | { kind: 'blank'; operand: Operand }
  | { kind: 'constant'; value: boolean }
  | { kind: 'unsupported'; text: string; reason: string };

export interface Branch {
  cond: Cond;
  body: Node[];
  at: At;
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'output'; value: ValueExpr; at: At }
  | { kind: 'if'; branches: Branch[]; otherwise: Node[]; at: At }
  | {
      kind: 'for';
      variable: string;
      collection: Operand;
      limit: number | null;
      offset: number | null;
      reversed: boolean;
      body: Node[];
      otherwise: Node[];
      at: At;
    }
  | { kind: 'assign'; name: string; value: ValueExpr; at: At }
  /** A tag no dialect writes (capture, cycle, a partial): always warned about, never silently dropped. */
  | { kind: 'unsupported'; at: At; reason: string };

/** The token a segment condition reads: `customer.segments contains 'VIP'` → `segment:VIP`. */
export const segmentToken = (name: string): string => `segment:${name}`;
export const isSegmentToken = (token: string): boolean => token.startsWith('segment:');
export { SEGMENT_MEMBER_VALUE } from '../esp';
