import { createLiquid } from '../templates/liquid-engine';
import { sourceLineLocator } from '../templates/source-positions';
import type { DialectWarning } from './esp';

const liquid = createLiquid();

/**
 * The converters warn at lines of the compiled HTML they read; the author
 * knows the template in the editor. Each warning gets the line its construct
 * was written on there (null when the construct is not in the source as
 * written, as for one inlined from a partial).
 */
export function atAuthorLines(warnings: readonly DialectWarning[], source: string, compiled: string): DialectWarning[] {
  const locate = sourceLineLocator(liquid, source, compiled);
  return warnings.map((warning) =>
    warning.line === null ? warning : { ...warning, line: warning.construct ? locate(warning.line, warning.construct) : null },
  );
}
