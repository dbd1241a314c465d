import type { Handlers } from '../../shared/contract/contract';
import type { LintReport } from '../../shared/qa/lint/lint-report';
import { computedTokens } from '../services/computed-tokens';
import { caniemailData } from '../services/lint/caniemail-data';
import { lintInWorker } from '../services/lint/lint-in-worker';
import { workspaceRenderInputs } from '../services/render/workspace-inputs';
import { readLintSettings, saveLintSettings } from '../services/lint/lint-settings-repo';
import { EXPORT_BUDGET_MS, renderMany } from '../services/render/service';
import { fieldCatalogue } from '../workspace/customers-repo';
import { listPersonas } from '../workspace/personas-repo';
import type { HandlerContext } from './context';
import { personaCustomer } from './template-handlers';

export function lintHandlers(ctx: HandlerContext): Pick<Handlers, 'lint.settings' | 'lint.saveSettings' | 'lint.run'> {
  const db = () => ctx.session.require().db;
  return {
    'lint.settings': () => ({ settings: readLintSettings(db()), clients: [...caniemailData().clients] }),
    'lint.saveSettings': (settings) => saveLintSettings(db(), settings),
    'lint.run': async ({ source, personaId }): Promise<LintReport> => {
      const personas = listPersonas(db());
      const persona = personaId === undefined ? personas[0] : personas.find((p) => p.id === personaId);
      const empty = { personaId: persona?.id ?? null, personaLabel: persona?.label ?? null, findings: [], text: '', bytes: 0 };
      if (!persona) return { ...empty, problem: 'Add a persona to lint the email as someone receives it.' };
      const { customer, problem } = personaCustomer(db(), persona);
      if (!customer) return { ...empty, problem };
      const { compiled, rendered } = await renderMany(source, [customer], {
        ms: EXPORT_BUDGET_MS,
        fields: fieldCatalogue(db()),
        computed: (found) => computedTokens.tokensFor(db(), found.id),
        inputs: workspaceRenderInputs(db()),
      });
      const email = rendered[0];
      const error = compiled.diagnostics.find((d) => d.severity === 'error');
      if (!email?.html) return { ...empty, problem: email?.problem ?? error?.message ?? 'The email could not be rendered.' };
      const linted = await lintInWorker(email.html, readLintSettings(db()));
      return { ...empty, ...linted, problem: null };
    },
  };
}
