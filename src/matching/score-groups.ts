/**
 * Scores loaded candidates against prepared jobs, tenant by tenant, each tenant with its own weights,
 * threshold and list size (a job is matched against the candidates of every agency).
 */

import type { Database } from '../db/database.js';
import type { MatchRetention } from '../db/repositories/candidate-job-match.repository.js';
import { type PreparedCandidate, type PreparedJob, prepareCandidate } from '../domain/scoring/index.js';
import { type LoadedCandidate, loadTenantRetention, loadTenantSettings } from './load-features.js';
import { type StoreTotals, scoreAndStore } from './store-matches.js';

export function emptyTotals(): StoreTotals {
  return { scored: 0, stored: 0, removed: 0 };
}

/** Rows written or removed after which the embedded engine's statistics are refreshed. */
const ANALYZE_AFTER_ROWS = 20_000;

/**
 * PGlite runs no autovacuum, so its planner keeps the statistics of an empty matches table and picks
 * sequential scans for the prune and acted-on lookups (25 s instead of 0.3 s on 2 M rows). After a large
 * write, ANALYZE (a sample; well under a second). PostgreSQL servers do this themselves.
 */
export async function analyzeAfterBulkWrite(database: Database, totals: StoreTotals): Promise<void> {
  if (database.engine !== 'pglite' || totals.stored + totals.removed < ANALYZE_AFTER_ROWS) return;
  await database.exec('ANALYZE candidate_job_matches; ANALYZE candidate_match_state');
}

export function addTotals(into: StoreTotals, more: StoreTotals): StoreTotals {
  into.scored += more.scored;
  into.stored += more.stored;
  into.removed += more.removed;
  if (more.scoreMs !== undefined) into.scoreMs = (into.scoreMs ?? 0) + more.scoreMs;
  if (more.writeMs !== undefined) into.writeMs = (into.writeMs ?? 0) + more.writeMs;
  return into;
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
    group.push(prepareCandidate(features));
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
  const settings = await loadTenantSettings(database, tenantIds);
  const retentions = await loadTenantRetention(database, tenantIds, retention);
  for (const group of groups) {
    const tenantSettings = settings.get(group.tenantId)!;
    const tenantRetention = retentions.get(group.tenantId)!;
    addTotals(totals, await scoreAndStore(database, group.candidates, jobs, tenantSettings, tenantRetention));
  }
  return totals;
}
