import type { editor, languages } from 'monaco-editor';
import type { LanguageDiagnostic } from './analyze-template';

export interface QuickFix {
  title: string;
  /** Offsets in the model's text and what goes there. */
  edit: { start: number; end: number; text: string };
  preferred: boolean;
  diagnostic: LanguageDiagnostic;
}

/** A Liquid string literal for a fallback: double quotes unless the text holds one. */
export const liquidString = (text: string): string => (text.includes('"') ? `'${text}'` : `"${text}"`);

/** What Insert field writes: `{{ first_name | default: "there" }}`, or no filter when the fallback is left empty. */
export function fieldToken(name: string, fallback: string): string {
  return fallback === '' ? `{{ ${name} }}` : `{{ ${name} | default: ${liquidString(fallback)} }}`;
}

/**
 * The quick fixes for the diagnostics that touch a range: add
 * `| default: "…"` after a token that is not always filled, and replace an
 * unknown name with the one it is closest to.
 */
export function quickFixes(diagnostics: readonly LanguageDiagnostic[], start: number, end: number): QuickFix[] {
  return diagnostics
    .filter((d) => d.start <= end && d.end >= start)
    .flatMap((diagnostic): QuickFix[] => {
      const fixes: QuickFix[] = [];
      if (diagnostic.fallback !== undefined) {
        const text = ` | default: ${liquidString(diagnostic.fallback)}`;
        fixes.push({
          title: `Add a fallback: | default: ${liquidString(diagnostic.fallback)}`,
          edit: { start: diagnostic.end, end: diagnostic.end, text },
          preferred: true,
          diagnostic,
        });
      }
      if (diagnostic.replacement !== undefined) {
        fixes.push({
          title: `Replace with ${diagnostic.replacement}`,
          edit: { start: diagnostic.start, end: diagnostic.end, text: diagnostic.replacement },
          preferred: true,
          diagnostic,
        });
      }
      return fixes;
    });
}

/** The fixes as Monaco code actions on `model`, each tied to its marker so the light bulb and Ctrl+. offer it. */
export function toCodeActions(
  model: editor.ITextModel,
  fixes: readonly QuickFix[],
  markers: readonly editor.IMarkerData[],
): languages.CodeAction[] {
  return fixes.map((fix) => {
    const from = model.getPositionAt(fix.edit.start);
    const to = model.getPositionAt(fix.edit.end);
    const marker = markers.find((m) => m.message === fix.diagnostic.message);
    return {
      title: fix.title,
      kind: 'quickfix',
      isPreferred: fix.preferred,
      ...(marker ? { diagnostics: [marker] } : {}),
      edit: {
        edits: [
          {
            resource: model.uri,
            versionId: model.getVersionId(),
            textEdit: {
              range: { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column },
              text: fix.edit.text,
            },
          },
        ],
      },
    };
  });
}
