import type { NelderMeadOptions, nelderMead as NelderMead } from 'fmin';

/**
 * Unconstrained minimisation by Nelder–Mead, through fmin. Two quirks of the
 * installed fmin 0.0.4 are handled here, once:
 *
 * - its package says `"type": "module"` but its `main` is a UMD bundle, so
 *   neither `require` nor a static import sees any export; evaluated as a
 *   module, the bundle sets `globalThis.fmin`. A dynamic import loads it in
 *   Node (tsc's CommonJS output keeps `import()`), tsx and vitest alike, and
 *   a fixed release's real exports are preferred when they exist.
 * - its shrink step assigns an undeclared loop variable, which throws in
 *   strict mode. With `sigma: 1` fmin ends the search where it would shrink,
 *   and we restart from the best point: restarts also guard against the
 *   simplex collapsing early, the usual advice for Nelder–Mead.
 */

type FminModule = { nelderMead: typeof NelderMead };

let loaded: Promise<FminModule> | null = null;

function loadFmin(): Promise<FminModule> {
  loaded ??= import('fmin').then((module: Partial<FminModule>) => {
    if (typeof module.nelderMead === 'function') return module as FminModule;
    const global = (globalThis as { fmin?: Partial<FminModule> }).fmin;
    if (typeof global?.nelderMead === 'function') return global as FminModule;
    throw new Error('fmin did not load: no nelderMead export.');
  });
  return loaded;
}

export interface Minimum {
  x: number[];
  fx: number;
  /** Nelder–Mead runs until a restart no longer improved the value. */
  restarts: number;
}

export interface MinimiseOptions {
  /** Stop restarting once a run improves f by less than this (default 1e-9, relative). */
  tolerance?: number;
  maxRestarts?: number;
  maxIterations?: number;
}

export async function minimise(f: (x: number[]) => number, start: readonly number[], options: MinimiseOptions = {}): Promise<Minimum> {
  const { nelderMead } = await loadFmin();
  const tolerance = options.tolerance ?? 1e-9;
  const maxRestarts = options.maxRestarts ?? 20;
  const settings: NelderMeadOptions = { maxIterations: options.maxIterations ?? 1000, minErrorDelta: 1e-10, sigma: 1 };
  // A non-finite value (overflow far from the optimum) must read as "worse", never as NaN that breaks the ordering.
  const safe = (x: number[]) => {
    const value = f(x);
    return Number.isFinite(value) ? value : Number.MAX_VALUE;
  };
  let best = nelderMead(safe, [...start], settings);
  let restarts = 0;
  while (restarts < maxRestarts) {
    const next = nelderMead(safe, [...best.x], settings);
    restarts++;
    const improved = best.fx - next.fx;
    if (next.fx < best.fx) best = next;
    if (improved <= tolerance * Math.max(1, Math.abs(best.fx))) break;
  }
  return { x: [...best.x], fx: best.fx, restarts };
}
