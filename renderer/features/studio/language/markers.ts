import type { editor } from 'monaco-editor';
import type { Monaco } from '../liquid-completions';
import type { LanguageDiagnostic } from './analyze-template';

/** The diagnostics as Monaco markers at their exact ranges; `code` names the check, for the quick fixes. */
export function toMarkers(monaco: Monaco, model: editor.ITextModel, diagnostics: readonly LanguageDiagnostic[]): editor.IMarkerData[] {
  return diagnostics.map((d) => {
    const from = model.getPositionAt(d.start);
    const to = model.getPositionAt(Math.max(d.end, d.start + 1));
    return {
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: d.message,
      source: 'Liquid',
      code: d.code,
      startLineNumber: from.lineNumber,
      startColumn: from.column,
      endLineNumber: to.lineNumber,
      endColumn: to.column,
    };
  });
}
