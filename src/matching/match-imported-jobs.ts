/**
 * `jobs/imported`: scores posted or imported jobs (new, updated or already known) against the candidates
 * they are due for (due-pairs.ts), so that the stored matches equal a full rescore:
 *
 * - candidates linked by role to the jobs (role_job_mapping: the scrape session's role, an imported job's
 *   normalized role) get the jobs scored and merged into their lists: for them the jobs only add pairs;
 * - candidates the jobs may enter the vector top-K of (within the recorded radius), and candidates storing
 *   a job whose content changed, are rescored in full (a pair may leave their top-K or best N).
 *
 * Candidates are loaded once and grouped by the set of batch jobs due for them, then scored set-based.
 * At-least-once safe: every write is an upsert on (candidate, job).
 */

import type { Database } from '../db/database.js';
import type { MatchRetention } from '../db/repositories/candidate-job-match.repository.js';
import type { PreparedJob } from '../domain/scoring/index.js';
import type { SkillMatcher } from '../domain/skills.js';
import type { JobsImported } from '../events/events.js';
import { loadActiveJobs, loadCandidatesByIds } from './load-features.js';
import { candidatesStoringJobs, candidatesToRescoreForJobs, roleLinkedPairs } from './matching-queries.js';
import { prepareMatchingJob } from './prepare-features.js';
import { rescoreCandidates } from './refresh-matches.js';
import { addTotals, analyzeAfterBulkWrite, emptyTotals, groupByTenant, scoreGroups } from './score-groups.js';
import { timed } from './stage-times.js';
import type { StoreTotals } from './store-matches.js';

/** The payload as published (`events/events.ts`); `parseJobsImportedEvent` reads it leniently. */
export type JobsImportedEvent = JobsImported;

export interface MatchingDependencies {
  database: Database;
  retention: MatchRetention;
  /** Nearest active jobs by embedding added to each candidate's due pairs. */
  vectorTopK: number;
  /** Canonicalizes candidates' declared skills with the ingestion dictionary ("k8s" → "Kubernetes"). */
  skills?: SkillMatcher;
}

/** Jobs loaded per round: bounds memory for very large imports. */
const JOBS_PER_ROUND = 500;
/**
 * Candidates loaded, scored and stored at a time: their features and vectors (and the pairs scored from
 * them) are all that is held, so memory does not grow with the number of candidates a role has. The next
 * chunk is read while this one is scored and stored.
 */
const CANDIDATES_PER_LOAD = 2000;

function positiveIds(value: unknown): number[] {
  return Array.isArray(value)
    ? [...new Set(value.filter((id): id is number => Number.isInteger(id) && id > 0))]
    : [];
}

export function parseJobsImportedEvent(data: unknown): JobsImportedEvent {
  const event = (data ?? {}) as Partial<JobsImportedEvent>;
  const roleId =
    Number.isInteger(event.roleId) && (event.roleId as number) > 0 ? (event.roleId as number) : null;
  return {
    jobIds: positiveIds(event.jobIds),
    changedJobIds: positiveIds(event.changedJobIds),
    roleId,
    sessionId: event.sessionId ?? null,
  };
}

/** Scores a round of jobs against the role-linked candidates (`linked`) not rescored in full. */
async function mergeRound(
  deps: MatchingDependencies,
  jobs: readonly PreparedJob[],
  linked: readonly { candidate_id: number; job_ids: number[] }[],
  excluded: ReadonlySet<number>,
): Promise<StoreTotals> {
  const totals = emptyTotals();
  const jobById = new Map(jobs.map((job) => [job.id, job]));
  const bySubset = new Map<string, { jobIds: number[]; candidateIds: number[] }>();
  for (const row of linked) {
    if (excluded.has(row.candidate_id)) continue;
    const jobIds = row.job_ids.filter((id) => jobById.has(id));
    if (jobIds.length === 0) continue;
    const key = jobIds.join(',');
    const subset = bySubset.get(key) ?? { jobIds, candidateIds: [] };
    if (subset.candidateIds.length === 0) bySubset.set(key, subset);
    subset.candidateIds.push(row.candidate_id);
  }
  const load = (ids: readonly number[]) => {
    const loading = timed(totals, 'load', async () =>
      groupByTenant(await loadCandidatesByIds(deps.database, ids, deps.skills)),
    );
    // Read ahead while the previous chunk is stored: its failure surfaces when it is awaited.
    loading.catch(() => undefined);
    return loading;
  };
  for (const subset of bySubset.values()) {
    const subsetJobs = subset.jobIds.map((id) => jobById.get(id)!);
    const ids = subset.candidateIds;
    let pending = load(ids.slice(0, CANDIDATES_PER_LOAD));
    for (let start = 0; start < ids.length; start += CANDIDATES_PER_LOAD) {
      const candidates = await pending;
      const next = start + CANDIDATES_PER_LOAD;
      if (next < ids.length) pending = load(ids.slice(next, next + CANDIDATES_PER_LOAD));
      addTotals(totals, await scoreGroups(deps.database, candidates, subsetJobs, deps.retention));
    }
  }
  return totals;
}

export async function matchImportedJobs(
  deps: MatchingDependencies,
  event: JobsImportedEvent,
): Promise<StoreTotals> {
  const totals = emptyTotals();
  if (event.jobIds.length === 0) return totals;
  const { rescored, linked } = await timed(totals, 'due', async () => {
    const rescored = new Set(await candidatesStoringJobs(deps.database, event.changedJobIds ?? []));
    // A job entering a candidate's top-K adds a due pair and may push a vector-only job out: merging is exact
    // only when the entering job is role-linked anyway and the top-K holds no vector-only job.
    for (const id of await candidatesToRescoreForJobs(deps.database, event.jobIds)) rescored.add(id);
    return { rescored, linked: await roleLinkedPairs(deps.database, event.jobIds) };
  });
  for (let start = 0; start < event.jobIds.length; start += JOBS_PER_ROUND) {
    const jobs = await timed(totals, 'load', async () =>
      (await loadActiveJobs(deps.database, event.jobIds.slice(start, start + JOBS_PER_ROUND))).map(
        prepareMatchingJob,
      ),
    );
    if (jobs.length > 0) addTotals(totals, await mergeRound(deps, jobs, linked, rescored));
  }
  addTotals(totals, await rescoreCandidates(deps, [...rescored]));
  await timed(totals, 'analyze', () => analyzeAfterBulkWrite(deps.database, totals));
  return totals;
}
