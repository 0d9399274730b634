/**
 * `jobs/imported`: scores newly imported jobs against the candidates who want them.
 *
 * - With a role (a scrape session for that role): every matchable candidate linked to the role, across all
 *   tenants.
 * - Without one (an admin file import): each job against the candidates linked to its normalized role; a
 *   job with no role (or whose role has no candidates) against each agency's `vectorTopK` nearest
 *   matchable candidates by embedding.
 *
 * Candidates are loaded once per role and scored against the role's jobs in set-based chunks. At-least-once
 * safe: every write is an upsert on (candidate, job).
 */

import type { Database } from '../db/database.js';
import type { MatchRetention } from '../db/repositories/candidate-job-match.repository.js';
import { type PreparedJob, prepareJob } from '../domain/scoring/index.js';
import type { SkillMatcher } from '../domain/skills.js';
import { loadActiveJobs, loadCandidatesByIds, loadCandidatesForRoles } from './load-features.js';
import { addTotals, emptyTotals, groupByTenant, scoreGroups } from './score-groups.js';
import type { StoreTotals } from './store-matches.js';
import { nearestMatchableCandidatesPerTenant } from './vector-search.js';

export interface JobsImportedEvent {
  roleId?: number | null;
  sessionId?: string | null;
  jobIds: number[];
}

export interface MatchingDependencies {
  database: Database;
  retention: MatchRetention;
  /** Nearest neighbours added by vector search (jobs without a role; a candidate's rescore). */
  vectorTopK: number;
  /** Canonicalizes candidates' declared skills with the ingestion dictionary ("k8s" → "Kubernetes"). */
  skills?: SkillMatcher;
}

/** Jobs loaded per round: bounds memory for very large imports. */
const JOBS_PER_ROUND = 500;

export function parseJobsImportedEvent(data: unknown): JobsImportedEvent {
  const event = (data ?? {}) as Partial<JobsImportedEvent>;
  const jobIds = Array.isArray(event.jobIds)
    ? event.jobIds.filter((id): id is number => Number.isInteger(id) && id > 0)
    : [];
  const roleId =
    Number.isInteger(event.roleId) && (event.roleId as number) > 0 ? (event.roleId as number) : null;
  return { jobIds: [...new Set(jobIds)], roleId, sessionId: event.sessionId ?? null };
}

async function matchRole(
  deps: MatchingDependencies,
  roleId: number,
  jobs: readonly PreparedJob[],
): Promise<{ totals: StoreTotals; hadCandidates: boolean }> {
  const candidates = await loadCandidatesForRoles(deps.database, [roleId], deps.skills);
  const totals = await scoreGroups(deps.database, groupByTenant(candidates), jobs, deps.retention);
  return { totals, hadCandidates: candidates.length > 0 };
}

async function matchByVector(
  deps: MatchingDependencies,
  job: PreparedJob,
  raw: { embedding: Float32Array | null; embedding_model: string | null },
): Promise<StoreTotals> {
  if (!raw.embedding || !raw.embedding_model || deps.vectorTopK <= 0) return emptyTotals();
  const neighbours = await nearestMatchableCandidatesPerTenant(
    deps.database,
    raw.embedding,
    raw.embedding_model,
    deps.vectorTopK,
  );
  const candidates = await loadCandidatesByIds(
    deps.database,
    neighbours.map((n) => n.id),
    deps.skills,
  );
  return scoreGroups(deps.database, groupByTenant(candidates), [job], deps.retention);
}

async function rolesOf(database: Database, jobIds: readonly number[]): Promise<Map<number, number | null>> {
  const { rows } = await database.sql.query<{ id: number; normalized_role_id: number | null }>(
    'SELECT id, normalized_role_id FROM job_postings WHERE id = ANY($1::int[])',
    [jobIds],
  );
  return new Map(rows.map((row) => [row.id, row.normalized_role_id]));
}

export async function matchImportedJobs(
  deps: MatchingDependencies,
  event: JobsImportedEvent,
): Promise<StoreTotals> {
  const totals = emptyTotals();
  for (let start = 0; start < event.jobIds.length; start += JOBS_PER_ROUND) {
    const jobs = await loadActiveJobs(deps.database, event.jobIds.slice(start, start + JOBS_PER_ROUND));
    if (jobs.length === 0) continue;
    if (event.roleId) {
      addTotals(totals, (await matchRole(deps, event.roleId, jobs.map(prepareJob))).totals);
      continue;
    }
    const roles = await rolesOf(
      deps.database,
      jobs.map((j) => j.id),
    );
    const byRole = new Map<number | null, typeof jobs>();
    for (const job of jobs) {
      const role = roles.get(job.id) ?? null;
      byRole.set(role, [...(byRole.get(role) ?? []), job]);
    }
    for (const [roleId, roleJobs] of byRole) {
      let unmatched = roleJobs;
      if (roleId !== null) {
        const result = await matchRole(deps, roleId, roleJobs.map(prepareJob));
        addTotals(totals, result.totals);
        if (result.hadCandidates) unmatched = [];
      }
      for (const job of unmatched) addTotals(totals, await matchByVector(deps, prepareJob(job), job));
    }
  }
  return totals;
}
