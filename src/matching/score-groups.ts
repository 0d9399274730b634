/**
 * Scores loaded candidates against prepared jobs, tenant by tenant, each tenant with its own weights,
 * threshold and list size (a job is matched against the candidates of every agency).
 */

import type { Database } from '../db/database.js';
import type { MatchRetention } from '../db/repositories/candidate-job-match.repository.js';
import { analyzeMatchTables, estimatedMatchRows } from '../db/repositories/candidate-job-match.repository.js';
import type { PreparedCandidate, PreparedJob } from '../domain/scoring/index.js';
import { type LoadedCandidate, loadTenantRetention, loadTenantSettings } from './load-features.js';
import { prepareMatchingCandidate } from './prepare-features.js';
import { timed } from './stage-times.js';
import { addTotals, emptyTotals, type StoreTotals, scoreAndStore } from './store-matches.js';

export { addTotals, emptyTotals };

/**
 * PGlite runs no autovacuum, so its planner keeps the statistics of an empty matches table and picks
 * sequential scans for the merge, prune and acted-on lookups (25 s instead of 0.3 s on 2 M rows). As
 * autovacuum would, the statistics are refreshed once the rows changed since the last ANALYZE reach a
 * share of the table (ANALYZE samples: well under a second). PostgreSQL servers do this themselves.
 */
const ANALYZE_SHARE = 0.1;
const ANALYZE_MIN_ROWS = 1000;
const changedSinceAnalyze = new WeakMap<Database, number>();

export async function analyzeAfterBulkWrite(database: Database, totals: StoreTotals): Promise<void> {
  if (database.engine !== 'pglite') return;
  const changed =
    (changedSinceAnalyze.get(database) ?? 0) + (totals.written ?? totals.stored) + totals.removed;
  changedSinceAnalyze.set(database, changed);
  if (changed < ANALYZE_MIN_ROWS) return;
  if (changed < ANALYZE_SHARE * (await estimatedMatchRows(database))) return;
  await analyzeMatchTables(database);
  changedSinceAnalyze.set(database, 0);
}

export interface PreparedTenantGroup {
  tenantId: number;
  candidates: PreparedCandidate[];
}

/** Prepares candidates once and groups them by tenant. */
export function groupByTenant(candidates: readonly LoadedCandidate[]): PreparedTenantGroup[] {
  const groups = new Map<number, PreparedCandidate[]>();
  for (const { tenantId, features } of candidates) {
    const group = groups.get(tenantId) ?? [];
    if (group.length === 0) groups.set(tenantId, group);
    group.push(prepareMatchingCandidate(features));
  }
  return [...groups].map(([tenantId, prepared]) => ({ tenantId, candidates: prepared }));
}

export async function scoreGroups(
  database: Database,
  groups: readonly PreparedTenantGroup[],
  jobs: readonly PreparedJob[],
  retention: MatchRetention,
): Promise<StoreTotals> {
  const totals = emptyTotals();
  if (groups.length === 0 || jobs.length === 0) return totals;
  const tenantIds = groups.map((g) => g.tenantId);
  const { settings, retentions } = await timed(totals, 'load', async () => ({
    settings: await loadTenantSettings(database, tenantIds),
    retentions: await loadTenantRetention(database, tenantIds, retention),
  }));
  for (const group of groups) {
    const tenantSettings = settings.get(group.tenantId)!;
    const tenantRetention = retentions.get(group.tenantId)!;
    addTotals(totals, await scoreAndStore(database, group.candidates, jobs, tenantSettings, tenantRetention));
  }
  return totals;
}
