/**
 * Which (candidate, job) pairs are due for scoring: the one definition every matching path uses.
 *
 * A pair is due when the candidate is matchable (approved or ready for assignment), the job is active, and
 * either the job is linked to one of the candidate's roles (role_job_mapping) or it is among the candidate's
 * `vectorTopK` nearest active jobs by embedding (same model). The stored matches of a candidate are the
 * best N of its due pairs that are worth storing (select-pairs), plus every pair a recruiter acted on.
 *
 * Incremental paths (new jobs for a role, a candidate edit) must leave exactly what a full rescore of the
 * candidate would store. A full rescore records the distance of the candidate's K-th nearest job
 * (candidate_match_state.vector_radius): a job event can change a candidate's top-K only when the job is
 * within that radius, so `candidatesNearJobs` finds every candidate whose top-K may have moved.
 */

import type { Database, DbContext } from '../db/database.js';
import {
  candidatesLinkedToJobs,
  candidatesNearJobs,
  candidatesStoringJobs,
  markCandidatesStale,
  roleLinkedJobIds,
} from './matching-queries.js';
import { nearestActiveJobsOfCandidates } from './vector-search.js';

export interface CandidateDueJobs {
  candidateId: number;
  jobIds: number[];
  /** Distance of the K-th nearest active job; null when the candidate has fewer (or no vector). */
  vectorRadius: number | null;
  /** Top-K jobs that are not linked to the candidate's roles (due only through the vector). */
  vectorOnlyJobs: number;
}

/** The due jobs of each candidate (role-linked ∪ vector top-K) and its top-K radius. */
export async function dueJobsOf(
  database: Database,
  candidateIds: readonly number[],
  vectorTopK: number,
): Promise<CandidateDueJobs[]> {
  const linked = await roleLinkedJobIds(database, candidateIds);
  const nearest = await nearestActiveJobsOfCandidates(database, candidateIds, vectorTopK);
  return candidateIds.map((candidateId) => {
    const roleJobs = new Set(linked.get(candidateId) ?? []);
    const jobIds = new Set(roleJobs);
    const neighbours = nearest.get(candidateId) ?? [];
    for (const neighbour of neighbours) jobIds.add(neighbour.id);
    const vectorOnlyJobs = neighbours.filter((n) => !roleJobs.has(n.id)).length;
    const vectorRadius =
      vectorTopK > 0 && neighbours.length >= vectorTopK
        ? Math.max(...neighbours.map((n) => n.distance))
        : null;
    return { candidateId, jobIds: [...jobIds].sort((a, b) => a - b), vectorRadius, vectorOnlyJobs };
  });
}

/**
 * Jobs left the active set, came back or changed: every candidate whose stored matches or top-K may change
 * is marked stale, in the transaction that changed the jobs. Jobs that left can only remove pairs, so only
 * the candidates storing them or holding them in their top-K are affected; jobs that (re)entered also
 * concern every candidate of their roles.
 */
export async function markJobsChanged(
  ctx: DbContext,
  jobIds: readonly number[],
  options: { entered?: boolean } = {},
): Promise<number> {
  if (jobIds.length === 0) return 0;
  const affected = new Set([
    ...(await candidatesStoringJobs(ctx, jobIds)),
    ...(await candidatesNearJobs(ctx, jobIds)),
    ...(options.entered ? await candidatesLinkedToJobs(ctx, jobIds) : []),
  ]);
  return markCandidatesStale(ctx, [...affected]);
}
