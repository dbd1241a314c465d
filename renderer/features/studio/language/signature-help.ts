import type { editor, languages, Position } from 'monaco-editor';
import { liquidContextAt } from '../liquid-completions';
import { filterDoc } from './liquid-filters';

/** While a filter's arguments are typed (`| truncate: 40, "…"`), its signature with the current parameter. */
export function provideFilterSignature(model: editor.ITextModel, position: Position): languages.SignatureHelpResult | null {
  const at = liquidContextAt(model, position);
  if (!at.inside) return null;
  const match = /\|\s*([\w-]+)\s*:([^|]*)$/.exec(at.typed);
  const filter = match && filterDoc(match[1]!);
  if (!match || !filter || filter.params.length === 0) return null;
  // Commas inside quotes do not separate arguments.
  const commas = (match[2]!.replace(/"[^"]*"|'[^']*'/g, '').match(/,/g) ?? []).length;
  return {
    value: {
      signatures: [
        {
          label: filter.signature,
          documentation: filter.doc,
          parameters: filter.params.map((param) => ({ label: param.label, documentation: param.doc })),
        },
      ],
      activeSignature: 0,
      activeParameter: Math.min(commas, filter.params.length - 1),
    },
    dispose: () => undefined,
  };
}
