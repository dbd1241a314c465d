import { Liquid, LiquidError } from 'liquidjs';
import type { Diagnostic } from '../contract/schemas';

/**
 * One Liquid configuration for parsing, previews and exports, so what the
 * designer sees is what the export checks. Unknown filters are errors (a typo
 * in `defualt` should show at its line); unknown variables are not, because a
 * customer missing a field is normal and `default` handles it.
 */
export function createLiquid(): Liquid {
  return new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    // Templates come from the workspace, never from the file system.
    relativeReference: false,
    dynamicPartials: false,
    // Templates are untrusted input rendered on the host's one thread: a runaway
    // `{% for i in (1..10000000) %}` must fail fast with a message, not freeze the app.
    parseLimit: 20_000_000,
    renderLimit: 1_000,
    memoryLimit: 50_000_000,
  });
}

/** LiquidJS appends ", line:3, col:5" to messages; the position is reported separately. */
const stripPosition = (message: string): string => message.replace(/,?\s*line:\d+,\s*col:\d+\s*$/, '');

export function liquidDiagnostic(error: unknown, source: Diagnostic['source'] = 'liquid'): Diagnostic {
  if (error instanceof LiquidError) {
    const [line, column] = error.token?.getPosition?.() ?? [];
    return {
      severity: 'error',
      source,
      message: `Liquid: ${stripPosition(error.message)}`,
      line: line ?? null,
      column: column ?? null,
    };
  }
  return {
    severity: 'error',
    source,
    message: error instanceof Error ? error.message : String(error),
    line: null,
    column: null,
  };
}
