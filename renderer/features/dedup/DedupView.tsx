import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DedupMerge, DedupPair } from '../../../shared/contract/schemas';
import { errorMessage, useApi } from '../../api/queries';
import { api } from '../../api/transport';
import { countOf, formatCount } from '../../ui/format';
import './dedup.css';
import { MergeHistory } from './MergeHistory';
import { PairReview, sideTitle } from './PairReview';
import { SurvivorshipDialog } from './SurvivorshipDialog';
import { useFindDuplicates } from './use-find-duplicates';

const QUEUE_PAGE = 200;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * The review queue: likely duplicate customers, best score first, one pair at a
 * time with both profiles side by side. Merge (M), not a duplicate (N), skip (S),
 * arrows to move, U to undo the last merge. Finding runs as a job with progress.
 */
export function DedupView() {
  const queue = useApi('dedup.queue', { offset: 0, limit: QUEUE_PAGE });
  const merges = useApi('dedup.merges', { limit: 20 });
  const rules = useApi('dedup.rules', {});
  const fields = useApi('customers.fields', {});
  const labels = useMemo(() => new Map((fields.data ?? []).map((field) => [field.key, field.label])), [fields.data]);
  const queryClient = useQueryClient();
  const find = useFindDuplicates();
  const [index, setIndex] = useState(0);
  const [keep, setKeep] = useState<{ pairId: number; survivorId: string } | null>(null);
  const [autoAbove, setAutoAbove] = useState('0.95');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; merge?: DedupMerge; danger?: boolean } | null>(null);
  const [editingRules, setEditingRules] = useState(false);

  const pairs = queue.data?.pairs ?? [];
  const current: DedupPair | undefined = pairs[Math.min(index, pairs.length - 1)];
  const survivorId = current && keep?.pairId === current.id ? keep.survivorId : current?.survivorId;
  const finding = find.state.kind === 'running';

  const refresh = useCallback(
    () =>
      Promise.all(
        ['dedup.queue', 'dedup.merges', 'customers.list', 'customers.get', 'customers.fields', 'workspace.current'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
    [queryClient],
  );

  const act = useCallback(
    async (run: () => Promise<void>) => {
      if (busy) return;
      setBusy(true);
      try {
        await run();
        await refresh();
      } catch (error) {
        setNotice({ text: errorMessage(error), danger: true });
      } finally {
        setBusy(false);
      }
    },
    [busy, refresh],
  );

  const merge = useCallback(
    () =>
      current &&
      act(async () => {
        const done = await api.call('dedup.merge', { pairId: current.id, survivorId });
        setNotice({
          text: `Merged ${done.mergedLabel} into ${done.survivorLabel}: ${countOf(done.moved.orders, 'order')} and ${countOf(done.moved.events, 'event')} moved.`,
          merge: done,
        });
      }),
    [act, current, survivorId],
  );
  const decide = useCallback(
    (decision: 'distinct' | 'skip') =>
      current &&
      act(async () => {
        await api.call('dedup.decide', { pairId: current.id, decision });
        setNotice({
          text:
            decision === 'distinct'
              ? `${sideTitle(current.a)} and ${sideTitle(current.b)} are kept apart and will not be proposed again.`
              : 'Skipped; the pair moved to the end of the queue.',
        });
      }),
    [act, current],
  );
  const undo = useCallback(
    (target: DedupMerge) =>
      act(async () => {
        const { undone } = await api.call('dedup.undo', { mergeId: target.id });
        setNotice({
          text: `Undone: ${target.mergedLabel} and ${target.survivorLabel} are separate again${undone.length > 1 ? ` (and ${undone.length - 1} later merge${undone.length > 2 ? 's' : ''} into them)` : ''}.`,
        });
      }),
    [act],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || document.querySelector('[aria-modal="true"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'm') void merge();
      else if (key === 'n') void decide('distinct');
      else if (key === 's') void decide('skip');
      else if (key === 'u' && merges.data?.[0]) void undo(merges.data[0]);
      else if (key === 'arrowdown' || key === 'arrowright' || key === 'j') setIndex((i) => Math.min(i + 1, Math.max(0, pairs.length - 1)));
      else if (key === 'arrowup' || key === 'arrowleft' || key === 'k') setIndex((i) => Math.max(0, i - 1));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [merge, decide, undo, merges.data, pairs.length]);

  const threshold = Number(autoAbove);
  const thresholdOk = autoAbove.trim() !== '' && threshold >= 0 && threshold <= 1;
  const progress = find.state.kind === 'running' ? find.state.job?.progress : undefined;
  const percent = progress?.total ? Math.min(100, (progress.done / progress.total) * 100) : 0;

  return (
    <div className="page" style={{ height: '100%' }}>
      <div className="page-header">
        <h1>Duplicates</h1>
        <span style={{ flex: 1 }} />
        <button className="btn btn-ghost" onClick={() => setEditingRules(true)} disabled={!rules.data}>
          Values to keep…
        </button>
        <label className="muted" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          Merge automatically at or above
          <input
            className="input"
            style={{ width: 70 }}
            aria-label="Auto-merge threshold"
            inputMode="decimal"
            value={autoAbove}
            onChange={(event) => setAutoAbove(event.target.value)}
          />
        </label>
        <button className="btn" disabled={finding || !thresholdOk} onClick={() => void find.start(threshold)}>
          Find and merge
        </button>
        <button className="btn btn-primary" disabled={finding} onClick={() => void find.start(null)}>
          Find duplicates
        </button>
      </div>

      {finding && (
        <div className="card dedup-section" style={{ marginBottom: 16 }} aria-live="polite">
          <div
            className="progress"
            role="progressbar"
            aria-label="Finding duplicates"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(percent)}
          >
            <div style={{ width: `${percent}%` }} />
          </div>
          <p className="muted">
            Comparing customers{progress?.total ? `: ${formatCount(progress.done)} of ${formatCount(progress.total)}` : '…'}. Nothing
            changes until it ends.{' '}
            <button className="btn btn-sm btn-danger" onClick={find.cancel}>
              Cancel
            </button>
          </p>
        </div>
      )}
      {find.state.kind === 'done' && (
        <div
          className={`alert ${find.state.report.status === 'cancelled' ? 'alert-warning' : 'alert-info'}`}
          style={{ marginBottom: 12 }}
          data-testid="find-result"
        >
          {find.state.report.status === 'cancelled'
            ? find.state.report.message
            : `${find.state.report.message ?? `Found ${countOf(find.state.report.pairs, 'pair')} to review`} among ${countOf(find.state.report.customers, 'customer')} (${formatCount(find.state.report.compared)} compared).`}
        </div>
      )}
      {find.state.kind === 'failed' && (
        <div className="alert alert-danger" style={{ marginBottom: 12 }}>
          {find.state.message}
        </div>
      )}
      {notice && (
        <div
          className={`alert ${notice.danger ? 'alert-danger' : 'alert-success'}`}
          style={{ marginBottom: 12 }}
          role="status"
          data-testid="dedup-notice"
        >
          {notice.text}{' '}
          {notice.merge && (
            <button className="btn btn-sm" disabled={busy} onClick={() => notice.merge && void undo(notice.merge)}>
              Undo
            </button>
          )}
        </div>
      )}

      <div className="dedup-layout">
        <div className="card dedup-section">
          {queue.isError && <div className="alert alert-danger">{queue.error.message}</div>}
          {queue.data && !current && (
            <div className="empty" data-testid="dedup-empty">
              <h2>No likely duplicates to review</h2>
              {find.state.kind === 'idle'
                ? 'Find duplicates compares every customer by email, phone, name, birth date and address, and lists the pairs that look like one person.'
                : 'Every pair found has been reviewed. Find duplicates again after an import.'}
              <button className="btn btn-primary" disabled={finding} onClick={() => void find.start(null)}>
                Find duplicates
              </button>
            </div>
          )}
          {current && survivorId && (
            <>
              <div className="dedup-actions" style={{ marginBottom: 12 }}>
                <b>
                  Pair {Math.min(index, pairs.length - 1) + 1} of {formatCount(queue.data?.total ?? 0)}
                </b>
                {current.status === 'skipped' && <span className="badge badge-warning">skipped before</span>}
                <span style={{ flex: 1 }} />
                <button className="btn btn-primary" disabled={busy} onClick={() => void merge()} title="Merge (M)">
                  Merge <span className="kbd">M</span>
                </button>
                <button className="btn" disabled={busy} onClick={() => void decide('distinct')} title="Not a duplicate (N)">
                  Not a duplicate <span className="kbd">N</span>
                </button>
                <button className="btn" disabled={busy} onClick={() => void decide('skip')} title="Skip (S)">
                  Skip <span className="kbd">S</span>
                </button>
              </div>
              <PairReview
                pair={current}
                survivorId={survivorId}
                rules={rules.data}
                labels={labels}
                onKeep={(id) => setKeep({ pairId: current.id, survivorId: id })}
              />
              <p className="muted" style={{ fontSize: 12 }}>
                Bold values are what the surviving customer keeps. <span className="kbd">↑</span> <span className="kbd">↓</span> move
                through the queue, <span className="kbd">U</span> undoes the last merge.
              </p>
            </>
          )}
        </div>
        <div style={{ display: 'grid', gap: 16 }}>
          <div className="card">
            <div className="dedup-section" style={{ paddingBottom: 0 }}>
              <h2>Queue {queue.data ? `(${formatCount(queue.data.total)})` : ''}</h2>
            </div>
            <div className="dedup-queue" role="list" aria-label="Review queue">
              {pairs.map((pair, i) => (
                <button key={pair.id} role="listitem" aria-current={pair.id === current?.id} onClick={() => setIndex(i)}>
                  <span>
                    {sideTitle(pair.a)} ~ {sideTitle(pair.b)}
                  </span>
                  <span className="muted">{pair.score.toFixed(3)}</span>
                </button>
              ))}
            </div>
          </div>
          <div className="card dedup-section">
            <h2>Recent merges</h2>
            <MergeHistory merges={merges.data ?? []} onUndo={(m) => void undo(m)} busy={busy} />
          </div>
        </div>
      </div>
      {editingRules && rules.data && <SurvivorshipDialog rules={rules.data} onClose={() => setEditingRules(false)} />}
    </div>
  );
}
