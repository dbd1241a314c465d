import type { Handlers } from '../../shared/contract/contract';
import { DEDUP } from '../services/jobs';
import { getMerge, listMerges, mergeCustomers, undoMerge } from '../workspace/dedup/merge';
import { decidePair, getPairRow, listQueue } from '../workspace/dedup/pairs-repo';
import { dedupInWorker } from '../workspace/dedup/run-in-worker';
import { readSurvivorship, saveSurvivorship } from '../workspace/dedup/settings';
import { ContractError } from '../../shared/contract/envelope';
import { pickSurvivor } from '../../shared/dedup/survivorship';
import type { HandlerContext } from './context';

type DedupMethods =
  'dedup.start' | 'dedup.queue' | 'dedup.decide' | 'dedup.merge' | 'dedup.merges' | 'dedup.undo' | 'dedup.rules' | 'dedup.saveRules';

export function dedupHandlers(ctx: HandlerContext): Pick<Handlers, DedupMethods> {
  return {
    'dedup.start': ({ minScore, autoMergeAbove }) => {
      const { db } = ctx.session.require();
      const job = ctx.jobs.start(DEDUP, (control) => dedupInWorker(db, { minScore, autoMergeAbove, control }));
      return { jobId: job.id };
    },
    'dedup.queue': ({ offset, limit }) => listQueue(ctx.session.require().db, offset, limit),
    'dedup.decide': ({ pairId, decision }) => {
      decidePair(ctx.session.require().db, pairId, decision);
      return { ok: true as const };
    },
    'dedup.merge': ({ pairId, survivorId }) => {
      const { db } = ctx.session.require();
      const pair = getPairRow(db, pairId);
      if (pair.status === 'merged') throw new ContractError('conflict', `Pair ${pairId} is already merged.`);
      if (survivorId !== undefined && survivorId !== pair.a && survivorId !== pair.b) {
        throw new ContractError('invalid_input', `Customer ${survivorId} is not in pair ${pairId}; keep ${pair.a} or ${pair.b}.`);
      }
      const created = db.prepare('SELECT created_at FROM customers WHERE id = ?').pluck();
      const keep =
        survivorId ??
        pickSurvivor([
          { id: pair.a, createdAt: String(created.get(pair.a)) },
          { id: pair.b, createdAt: String(created.get(pair.b)) },
        ]).id;
      const mergeId = mergeCustomers(db, {
        survivorId: keep,
        mergedId: keep === pair.a ? pair.b : pair.a,
        pairId,
        score: pair.score,
        automatic: false,
        rules: readSurvivorship(db),
      });
      return getMerge(db, mergeId);
    },
    'dedup.merges': ({ limit, includeUndone }) => listMerges(ctx.session.require().db, limit, includeUndone),
    'dedup.undo': ({ mergeId }) => ({ undone: undoMerge(ctx.session.require().db, mergeId) }),
    'dedup.rules': () => readSurvivorship(ctx.session.require().db),
    'dedup.saveRules': (rules) => saveSurvivorship(ctx.session.require().db, rules),
  };
}
