import { toast } from 'sonner';
import { registerLiquidCompletions } from '../liquid-completions';
import type { Monaco } from '../monaco-setup';
import { DiagnosticsClient } from './diagnostics-client';
import { provideLiquidHover } from './hover';
import { currentCatalog } from './language-state';
import { quickFixes, toCodeActions } from './quick-fixes';
import { provideFilterSignature } from './signature-help';

let client: DiagnosticsClient | null = null;

/**
 * The Liquid language services on Monaco's `html` language, registered once:
 * completion, hover, filter signatures, quick fixes, format document and the
 * diagnostics worker. Returns the diagnostics client the editor hands its models to.
 */
export function registerLanguageServices(monaco: Monaco): DiagnosticsClient {
  if (client) return client;
  const diagnostics = new DiagnosticsClient(monaco);
  client = diagnostics;
  registerLiquidCompletions(monaco, currentCatalog);
  monaco.languages.registerHoverProvider('html', {
    provideHover: (model, position) => provideLiquidHover(model, position, currentCatalog()),
  });
  monaco.languages.registerSignatureHelpProvider('html', {
    signatureHelpTriggerCharacters: [':', ','],
    signatureHelpRetriggerCharacters: [','],
    provideSignatureHelp: (model, position) => provideFilterSignature(model, position),
  });
  monaco.languages.registerCodeActionProvider(
    'html',
    {
      provideCodeActions(model, range, context) {
        const start = model.getOffsetAt({ lineNumber: range.startLineNumber, column: range.startColumn });
        const end = model.getOffsetAt({ lineNumber: range.endLineNumber, column: range.endColumn });
        const fixes = quickFixes(diagnostics.diagnosticsOf(model), start, end);
        return { actions: toCodeActions(model, fixes, context.markers), dispose: () => undefined };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );
  // Monaco's own HTML formatter knows neither Liquid nor MJML (it glues `{% if %}` to tags): ours replaces it,
  // so Format Document (Shift+Alt+F, the context menu, the palette) always means the Liquid-aware one.
  monaco.html.htmlDefaults.setModeConfiguration({
    ...monaco.html.htmlDefaults.modeConfiguration,
    documentFormattingEdits: false,
    documentRangeFormattingEdits: false,
  });
  monaco.languages.registerDocumentFormattingEditProvider('html', {
    displayName: 'Tailor (Liquid + MJML)',
    async provideDocumentFormattingEdits(model) {
      const source = model.getValue();
      try {
        // Prettier loads on first use: most sessions never format.
        const { formatTemplate } = await import('./format-template');
        const formatted = await formatTemplate(source);
        return formatted === source ? [] : [{ range: model.getFullModelRange(), text: formatted }];
      } catch (error) {
        toast.error(`Could not format: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    },
  });
  return diagnostics;
}
