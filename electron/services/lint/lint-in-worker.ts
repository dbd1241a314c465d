import type { LintOptions } from '../../../shared/qa/lint-types';
import { renderPool } from '../render/pool';
import { BudgetExceeded, EXPORT_BUDGET_MS, seconds, startBudget } from '../render/service';
import type { LintedEmail } from '../render/tasks';

/** Lints one rendered email in a render worker, under export's budget (parsing a large email is not free). */
export async function lintInWorker(html: string, options: LintOptions): Promise<LintedEmail> {
  const budget = await startBudget(EXPORT_BUDGET_MS);
  try {
    return await renderPool().run(
      { kind: 'lint', html, options: { clients: [...options.clients], requiredUtm: [...options.requiredUtm] } },
      budget.signal,
    );
  } catch (error) {
    if (budget.signal.aborted) throw new BudgetExceeded(`Linting the email took longer than ${seconds(budget.ms)} and was stopped.`);
    throw error;
  }
}
