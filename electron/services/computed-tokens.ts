import { LRUCache } from 'lru-cache';
import { SCORE_NAMES, type ScoreModel, type ScoreName } from '../../shared/scores/score-names';
import type { ComputedTokens } from '../../shared/templates/computed-tokens';
import { SEGMENTS_TOKEN } from '../../shared/templates/computed-tokens';
import { customFieldKeys } from '../workspace/customers-repo';
import type { Db } from '../workspace/db';
import { customerScores, scoreRun } from '../workspace/scores/score-store';
import { membershipChecks, type MembershipCheck } from '../workspace/tokens/segment-membership';
import { segmentDataStamp } from './segment-members';

/** One customer's computed values, as the customer dialog and a render need them. */
export interface CustomerComputedValues {
  scores: Partial<Record<ScoreName, number | string>>;
  segments: { id: number; name: string }[];
}

interface Entry {
  stamp: string;
  checks: MembershipCheck[] | null;
  shadowed: string[] | null;
  runs: Map<ScoreModel, string | null>;
  customers: LRUCache<string, CustomerComputedValues>;
}

/**
 * Each customer's scores and segment memberships, remembered per workspace
 * until something they depend on changes. Previews render on every
 * keystroke, and a segment rule on orders or events can be a scan, so the
 * membership of a persona's customer is worked out once per data state: the
 * stamp covers the customers (imports, their undo, new rows, merges), the
 * segments (saved, renamed, deleted, refreshed), the score runs (a model recomputed) and
 * today's date (relative windows move with it).
 */
export class ComputedTokenCache {
  private readonly byWorkspace = new WeakMap<Db, Entry>();

  /** What a render of this customer joins into its Liquid context. */
  tokensFor(db: Db, customerId: string): ComputedTokens {
    return this.tokensForMany(db, [customerId]).get(customerId)!;
  }

  /** The same for several customers (a preview's personas), each segment asked once for all of them. */
  tokensForMany(db: Db, customerIds: readonly string[]): Map<string, ComputedTokens> {
    const entry = this.entry(db);
    const shadowed = this.shadowed(db, entry);
    const values = this.values(db, entry, customerIds);
    return new Map([...values].map(([id, v]) => [id, { scores: v.scores, segments: v.segments.map((s) => s.name), shadowed }] as const));
  }

  /** The customer's scores and segments, for the customer dialog. */
  valuesFor(db: Db, customerId: string): CustomerComputedValues {
    return this.values(db, this.entry(db), [customerId]).get(customerId)!;
  }

  /** Token names an imported field already holds (it keeps them; see ComputedTokens.shadowed). */
  shadowedNames(db: Db): string[] {
    return this.shadowed(db, this.entry(db));
  }

  /** The as-of date of each model's latest run, or null when it never ran here. */
  runAsOf(db: Db, model: ScoreModel): string | null {
    const entry = this.entry(db);
    if (!entry.runs.has(model)) entry.runs.set(model, scoreRun(db, model)?.asOf ?? null);
    return entry.runs.get(model) ?? null;
  }

  private entry(db: Db): Entry {
    const stamp = segmentDataStamp(db);
    let entry = this.byWorkspace.get(db);
    if (!entry || entry.stamp !== stamp) {
      entry = { stamp, checks: null, shadowed: null, runs: new Map(), customers: new LRUCache({ max: 500 }) };
      this.byWorkspace.set(db, entry);
    }
    return entry;
  }

  private values(db: Db, entry: Entry, customerIds: readonly string[]): Map<string, CustomerComputedValues> {
    const out = new Map<string, CustomerComputedValues>();
    const missing: string[] = [];
    for (const id of new Set(customerIds)) {
      const hit = entry.customers.get(id);
      if (hit) out.set(id, hit);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    entry.checks ??= membershipChecks(db);
    const members = entry.checks.map((check) => ({ check, ids: check.members(missing) }));
    for (const id of missing) {
      const scores: CustomerComputedValues['scores'] = {};
      for (const [name, value] of Object.entries(customerScores(db, id)) as [ScoreName, number | string | null][]) {
        if (value !== null) scores[name] = value;
      }
      const segments = members.filter(({ ids }) => ids.has(id)).map(({ check }) => ({ id: check.id, name: check.name }));
      const values = { scores, segments };
      entry.customers.set(id, values);
      out.set(id, values);
    }
    return out;
  }

  private shadowed(db: Db, entry: Entry): string[] {
    if (entry.shadowed) return entry.shadowed;
    const keys = customFieldKeys(db);
    entry.shadowed = [...SCORE_NAMES, SEGMENTS_TOKEN].filter((name) => keys.has(name));
    return entry.shadowed;
  }
}

/** The app's one cache: every host shares the same workspace connection. */
export const computedTokens = new ComputedTokenCache();
