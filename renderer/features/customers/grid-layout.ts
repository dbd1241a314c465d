import { NAME_COLUMN } from './grid-columns';

/**
 * The grid's column widths: each column shares the spare width but never shrinks below what its values and
 * header need, and past the window's width the grid scrolls sideways. With every column squeezed into the
 * window, fourteen columns at 1024 px cut amounts to "2,2…" and headers to one letter.
 */
const FIXED: Readonly<Record<string, number>> = { id: 110 };
const MINIMUM: Readonly<Record<string, [number, number]>> = {
  email: [180, 1.6],
  [NAME_COLUMN]: [150, 1.2],
};
const DEFAULT: [number, number] = [120, 1];

export interface GridLayout {
  /** CSS grid-template-columns for the header and every row. */
  template: string;
  /** Pixels the header and rows are at least wide (the sum of the columns' minimums). */
  minWidth: number;
}

export function gridLayout(columns: readonly string[]): GridLayout {
  let minWidth = 0;
  const tracks = columns.map((key) => {
    const fixed = FIXED[key];
    if (fixed !== undefined) {
      minWidth += fixed;
      return `${fixed}px`;
    }
    const [min, grow] = MINIMUM[key] ?? DEFAULT;
    minWidth += min;
    return `minmax(${min}px, ${grow}fr)`;
  });
  return { template: tracks.join(' '), minWidth };
}
