/** The part of fmin (0.0.4, untyped) that Tailor uses. */
declare module 'fmin' {
  export interface NelderMeadOptions {
    maxIterations?: number;
    nonZeroDelta?: number;
    zeroDelta?: number;
    minErrorDelta?: number;
    /** Shrink factor; 1 makes a shrink step end the search instead (see minimise.ts). */
    sigma?: number;
  }
  export function nelderMead(f: (x: number[]) => number, x0: number[], options?: NelderMeadOptions): { fx: number; x: number[] };
}
