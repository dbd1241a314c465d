import type { Persona } from '../../../shared/contract/schemas';
import type { AnalysisPersonas, AnalysisPick } from '../../../shared/qa/analysis-personas';
import { CANONICAL_KEYS } from '../../../shared/fields/canonical';
import { toSnakeKey } from '../../../shared/fields/naming';
import { createLiquid } from '../../../shared/templates/liquid-engine';
import { customFieldKeys } from '../../workspace/customers-repo';
import type { Db } from '../../workspace/db';
import { listPersonas, savePersona } from '../../workspace/personas-repo';
import { latestClustersRun } from '../../workspace/scores/clusters/clusters-repo';
import { getTemplate } from '../../workspace/templates-repo';

interface Candidate {
  pick: AnalysisPick;
  label: string;
  source: Persona['source'];
}

type Found = Candidate | { pick: AnalysisPick; reason: string };

const customer = (pick: AnalysisPick, label: string, id: string | undefined, reason: string): Found =>
  id === undefined ? { pick, reason } : { pick, label, source: { kind: 'customer', customerId: id } };

/** Text of a field that may be a canonical column or a custom attribute, as SQL over `customers`. */
function fieldSql(key: string, custom: ReadonlySet<string>): { sql: string; params: string[] } | null {
  if ((CANONICAL_KEYS as readonly string[]).includes(key)) return { sql: key, params: [] };
  if (custom.has(key)) return { sql: `json_extract(attributes, ?)`, params: [`$."${key}"`] };
  return null;
}

/** The fields a template reads (`FirstName`, `customer.city` → first_name, city), found by Liquid's own analysis. */
function templateFields(source: string): string[] {
  const liquid = createLiquid();
  try {
    const paths = liquid.globalVariableSegmentsSync(liquid.parse(source), { partials: false });
    const keys = paths.map((segments) => {
      const parts = segments.filter((part): part is string => typeof part === 'string');
      return toSnakeKey(parts[0] === 'customer' && parts[1] ? parts[1] : (parts[0] ?? ''));
    });
    return [...new Set(keys.filter(Boolean))];
  } catch {
    return [];
  }
}

/**
 * The personas the analysis suggests, each found with one query: a persona per
 * segment, the customer nearest the mean of each RFM tier's three scores, each
 * cluster's medoid (stored by the clustering run), and edge cases of the data.
 * "Most tokens missing" counts the template's own fields when one is given,
 * else every canonical and custom field.
 */
export function analysisCandidates(db: Db, templateId?: number): Found[] {
  const found: Found[] = [];
  const segments = db.prepare('SELECT id, name FROM segments ORDER BY name COLLATE NOCASE').all() as { id: number; name: string }[];
  if (segments.length === 0) found.push({ pick: 'segment', reason: 'No segments yet.' });
  for (const segment of segments) found.push({ pick: 'segment', label: segment.name, source: { kind: 'segment', segmentId: segment.id } });

  const tiers = db
    .prepare(
      `WITH rfm AS (
         SELECT t.customer_id, t.label AS tier, r.value AS r, f.value AS f, m.value AS m
         FROM customer_scores t
         JOIN customer_scores r ON r.score = 'rfm_r' AND r.customer_id = t.customer_id
         JOIN customer_scores f ON f.score = 'rfm_f' AND f.customer_id = t.customer_id
         JOIN customer_scores m ON m.score = 'rfm_m' AND m.customer_id = t.customer_id
         WHERE t.score = 'rfm_tier' AND t.label IS NOT NULL),
       means AS (SELECT tier, avg(r) AS r, avg(f) AS f, avg(m) AS m FROM rfm GROUP BY tier),
       ranked AS (
         SELECT rfm.tier, rfm.customer_id, row_number() OVER (
           PARTITION BY rfm.tier
           ORDER BY (rfm.r - means.r) * (rfm.r - means.r) + (rfm.f - means.f) * (rfm.f - means.f) + (rfm.m - means.m) * (rfm.m - means.m),
                    rfm.customer_id) AS n
         FROM rfm JOIN means USING (tier))
       SELECT tier, customer_id FROM ranked WHERE n = 1 ORDER BY tier`,
    )
    .all() as { tier: string; customer_id: string }[];
  if (tiers.length === 0) found.push({ pick: 'rfm-tier', reason: 'No RFM scores yet: run RFM in the Scores view.' });
  for (const tier of tiers) found.push(customer('rfm-tier', `RFM: ${tier.tier}`, tier.customer_id, ''));

  const clusters = latestClustersRun(db)?.summary.clusters ?? [];
  if (clusters.length === 0) found.push({ pick: 'cluster-medoid', reason: 'No clusters yet: run Clusters in the Scores view.' });
  for (const cluster of clusters)
    found.push(customer('cluster-medoid', `Cluster: ${cluster.name}`, cluster.medoid?.id, `Cluster ${cluster.name} has no medoid.`));

  const one = (sql: string, ...params: unknown[]): string | undefined =>
    db
      .prepare(sql)
      .pluck()
      .get(...params) as string | undefined;
  found.push(
    customer(
      'longest-name',
      'Longest name',
      one(
        `SELECT id FROM customers WHERE trim(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) <> ''
         ORDER BY length(trim(COALESCE(first_name, '') || ' ' || COALESCE(last_name, ''))) DESC, id LIMIT 1`,
      ),
      'No customer has a name.',
    ),
    customer(
      'empty-first-name',
      'Empty first name',
      one(`SELECT id FROM customers WHERE trim(COALESCE(first_name, '')) = '' ORDER BY id LIMIT 1`),
      'Every customer has a first name.',
    ),
  );

  const custom = customFieldKeys(db);
  const keys =
    templateId === undefined
      ? [...CANONICAL_KEYS.filter((k) => k !== 'id'), ...custom]
      : templateFields(getTemplate(db, templateId).source);
  const fields = keys.flatMap((key) => fieldSql(key, custom) ?? []);
  if (fields.length === 0) found.push({ pick: 'most-tokens-missing', reason: 'The template reads no customer field.' });
  else {
    const missing = fields.map((f) => `(trim(COALESCE(${f.sql}, '')) = '')`).join(' + ');
    found.push(
      customer(
        'most-tokens-missing',
        'Most tokens missing',
        one(`SELECT id FROM customers ORDER BY ${missing} DESC, id LIMIT 1`, ...fields.flatMap((f) => f.params)),
        'No customers yet.',
      ),
    );
  }
  found.push(
    customer(
      'highest-churn',
      'Highest churn',
      one(
        `SELECT customer_id FROM customer_scores WHERE score = 'churn_probability' AND value IS NOT NULL ORDER BY value DESC, customer_id LIMIT 1`,
      ),
      'No churn scores yet: run Predictions in the Scores view.',
    ),
    customer(
      'most-orders',
      'Most orders',
      one(`SELECT customer_id FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1`),
      'No orders yet.',
    ),
  );
  return found;
}

/** Adds the suggested personas that are not personas already (same customer or segment), in one transaction. */
export function addAnalysisPersonas(db: Db, templateId?: number): AnalysisPersonas {
  const candidates = analysisCandidates(db, templateId);
  return db.transaction(() => {
    const existing = new Set(listPersonas(db).map((p) => JSON.stringify(p.source)));
    const result: AnalysisPersonas = { added: [], skipped: [] };
    for (const candidate of candidates) {
      if ('reason' in candidate) {
        result.skipped.push(candidate);
        continue;
      }
      const key = JSON.stringify(candidate.source);
      if (existing.has(key)) {
        result.skipped.push({ pick: candidate.pick, reason: `${candidate.label} is already a persona.` });
        continue;
      }
      existing.add(key);
      result.added.push({ ...savePersona(db, { label: candidate.label, source: candidate.source }), pick: candidate.pick });
    }
    return result;
  })();
}
