import { Liquid, LiquidError, type Token } from 'liquidjs';
import type { Diagnostic } from '../contract/schemas';
import { useCalendarDates } from './calendar-dates';
import { useMoneyFilter } from './money-filter';
import { NO_PARTIALS, type PartialLookup, partialFileSystem } from './partials';

export interface LiquidSetup {
  /** Where include / render / layout find partials; nothing resolves by default. */
  partials?: PartialLookup;
}

/**
 * One Liquid configuration for parsing, previews and exports, so what the
 * designer sees is what the export checks. Unknown filters are errors (a typo
 * in `defualt` should show at its line); unknown variables are not, because a
 * customer missing a field is normal and `default` handles it.
 */
export function createLiquid(setup: LiquidSetup = {}): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    // Templates come from the workspace, never from the file system: this fs is a lookup by name, and
    // with it liquidjs has no other way to read files (root, partials and layouts only feed its `resolve`).
    fs: partialFileSystem(setup.partials ?? NO_PARTIALS),
    relativeReference: false,
    // Partial names are written out, so they can be checked when the template is compiled.
    dynamicPartials: false,
    // A date-time with an offset prints as written rather than in the machine's zone; see calendar-dates.ts.
    preserveTimezones: true,
    // Templates are untrusted input: a runaway `{% for i in (1..10000000) %}` fails fast with a message
    // for its own persona, long before the request's time budget stops the whole worker.
    parseLimit: 20_000_000,
    renderLimit: 1_000,
    memoryLimit: 50_000_000,
  });
  useCalendarDates(liquid);
  useMoneyFilter(liquid);
  return liquid;
}

/** LiquidJS appends ", line:3, col:5" to messages; the position is reported separately. */
const stripPosition = (message: string): string => message.replace(/,?\s*line:\d+,\s*col:\d+\s*$/, '');

/** A problem found at a Liquid token of the author's source. */
export function tokenDiagnostic(message: string, token: Token, source: Diagnostic['source'] = 'liquid'): Diagnostic {
  const [line, column] = token.getPosition();
  return { severity: 'error', source, message: `Liquid: ${message}`, line: line ?? null, column: column ?? null };
}

/**
 * `locate` maps a token of the HTML Liquid actually ran on (MJML's output) back
 * to the author's source; without it the token's own position is used.
 */
export function liquidDiagnostic(
  error: unknown,
  source: Diagnostic['source'] = 'liquid',
  locate?: (token: Token) => { line: number; column: number } | null,
): Diagnostic {
  if (error instanceof LiquidError) {
    const token = error.token as Token | undefined;
    const at = token && locate ? locate(token) : null;
    const [line, column] = at ? [at.line, at.column] : locate ? [] : (token?.getPosition?.() ?? []);
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
