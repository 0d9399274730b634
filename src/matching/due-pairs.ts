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
import { MATCHABLE_CANDIDATE_STATUSES } from './load-features.js';
import { nearestActiveJobsOfCandidates } from './vector-search.js';

/** Distances are float4 in pgvector and float64 in JS: compare with a margin, erring towards a rescore. */
const RADIUS_MARGIN = 1e-5;

export interface CandidateDueJobs {
  candidateId: number;
  jobIds: number[];
  /** Distance of the K-th nearest active job; null when the candidate has fewer (or no vector). */
  vectorRadius: number | null;
  /** Top-K jobs that are not linked to the candidate's roles (due only through the vector). */
  vectorOnlyJobs: number;
}

/** Active jobs linked to each candidate's roles (matchable candidates only). */
export async function roleLinkedJobIds(
  ctx: DbContext,
  candidateIds: readonly number[],
): Promise<Map<number, number[]>> {
  const byCandidate = new Map<number, number[]>();
  if (candidateIds.length === 0) return byCandidate;
  const { rows } = await ctx.sql.query<{ candidate_id: number; job_ids: number[] }>(
    `SELECT l.candidate_id, array_agg(DISTINCT m.job_posting_id ORDER BY m.job_posting_id) AS job_ids
     FROM candidate_global_roles l
       JOIN candidates c ON c.id = l.candidate_id AND c.status = ANY($2::text[])
       JOIN role_job_mapping m ON m.global_role_id = l.global_role_id
       JOIN job_postings j ON j.id = m.job_posting_id AND j.status = 'active'
     WHERE l.candidate_id = ANY($1::int[])
     GROUP BY l.candidate_id`,
    [candidateIds, MATCHABLE_CANDIDATE_STATUSES],
  );
  for (const row of rows) byCandidate.set(row.candidate_id, row.job_ids);
  return byCandidate;
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

/** Records each candidate's top-K radius after a full rescore and clears stale marks set before it began. */
export async function recordRefreshed(
  ctx: DbContext,
  due: readonly CandidateDueJobs[],
  startedAt: Date,
): Promise<void> {
  if (due.length === 0) return;
  await ctx.sql.query(
    `INSERT INTO candidate_match_state (candidate_id, vector_radius, vector_only_jobs, stale_since, refreshed_at)
     SELECT d.candidate_id, d.radius, d.vector_only, NULL, now()
     FROM unnest($1::int[], $2::float8[], $4::int[]) AS d(candidate_id, radius, vector_only)
     WHERE EXISTS (SELECT 1 FROM candidates c WHERE c.id = d.candidate_id)
     ON CONFLICT (candidate_id) DO UPDATE SET vector_radius = EXCLUDED.vector_radius,
       vector_only_jobs = EXCLUDED.vector_only_jobs, refreshed_at = now(),
       stale_since = CASE WHEN candidate_match_state.stale_since <= $3 THEN NULL
                          ELSE candidate_match_state.stale_since END`,
    [
      due.map((d) => d.candidateId),
      due.map((d) => d.vectorRadius),
      startedAt,
      due.map((d) => d.vectorOnlyJobs),
    ],
  );
}

/**
 * Matchable candidates whose vector top-K may change when these jobs appear, change or go: the job lies
 * within the candidate's recorded radius, or the candidate has no radius (fewer than K jobs, never rescored).
 */
export async function candidatesNearJobs(ctx: DbContext, jobIds: readonly number[]): Promise<number[]> {
  if (jobIds.length === 0) return [];
  const { rows } = await ctx.sql.query<{ id: number }>(
    `SELECT DISTINCT c.id FROM candidates c
       JOIN job_postings j ON j.id = ANY($1::int[]) AND j.embedding IS NOT NULL
         AND j.embedding_model = c.embedding_model
       LEFT JOIN candidate_match_state s ON s.candidate_id = c.id
     WHERE c.status = ANY($2::text[]) AND c.embedding IS NOT NULL
       AND (s.vector_radius IS NULL OR (c.embedding <=> j.embedding) <= s.vector_radius + $3)
     ORDER BY c.id`,
    [jobIds, MATCHABLE_CANDIDATE_STATUSES, RADIUS_MARGIN],
  );
  return rows.map((row) => row.id);
}

export interface NearPair {
  candidate_id: number;
  job_id: number;
  /** The candidate's vector-only top-K jobs; null: the candidate was never rescored in full. */
  vector_only_jobs: number | null;
}

/**
 * The (candidate, job) pairs where the job may enter the candidate's vector top-K (see
 * `candidatesNearJobs`), with what the candidate's last full rescore recorded.
 */
export async function jobsNearCandidates(ctx: DbContext, jobIds: readonly number[]): Promise<NearPair[]> {
  if (jobIds.length === 0) return [];
  const { rows } = await ctx.sql.query<NearPair>(
    `SELECT c.id AS candidate_id, j.id AS job_id, s.vector_only_jobs FROM candidates c
       JOIN job_postings j ON j.id = ANY($1::int[]) AND j.embedding IS NOT NULL
         AND j.embedding_model = c.embedding_model
       LEFT JOIN candidate_match_state s ON s.candidate_id = c.id
     WHERE c.status = ANY($2::text[]) AND c.embedding IS NOT NULL
       AND (s.vector_radius IS NULL OR (c.embedding <=> j.embedding) <= s.vector_radius + $3)`,
    [jobIds, MATCHABLE_CANDIDATE_STATUSES, RADIUS_MARGIN],
  );
  return rows;
}

/** Candidates holding a suggested (not acted on) stored match with any of these jobs. */
export async function candidatesStoringJobs(ctx: DbContext, jobIds: readonly number[]): Promise<number[]> {
  if (jobIds.length === 0) return [];
  const { rows } = await ctx.sql.query<{ id: number }>(
    `SELECT DISTINCT candidate_id AS id FROM candidate_job_matches
     WHERE job_posting_id = ANY($1::int[]) AND status = 'suggested' ORDER BY 1`,
    [jobIds],
  );
  return rows.map((row) => row.id);
}

/** Marks candidates for a full rescore, in the caller's transaction (the refresh task picks them up). */
export async function markCandidatesStale(ctx: DbContext, candidateIds: readonly number[]): Promise<number> {
  if (candidateIds.length === 0) return 0;
  const { rowCount } = await ctx.sql.query(
    `INSERT INTO candidate_match_state (candidate_id, stale_since)
     SELECT id, clock_timestamp() FROM candidates WHERE id = ANY($1::int[])
     ON CONFLICT (candidate_id) DO UPDATE
       SET stale_since = coalesce(candidate_match_state.stale_since, EXCLUDED.stale_since)`,
    [[...new Set(candidateIds)]],
  );
  return rowCount;
}

/** Matchable candidates linked by role to any of these jobs. */
export async function candidatesLinkedToJobs(ctx: DbContext, jobIds: readonly number[]): Promise<number[]> {
  if (jobIds.length === 0) return [];
  const { rows } = await ctx.sql.query<{ id: number }>(
    `SELECT DISTINCT l.candidate_id AS id FROM role_job_mapping m
       JOIN candidate_global_roles l ON l.global_role_id = m.global_role_id
       JOIN candidates c ON c.id = l.candidate_id AND c.status = ANY($2::text[])
     WHERE m.job_posting_id = ANY($1::int[]) ORDER BY 1`,
    [jobIds, MATCHABLE_CANDIDATE_STATUSES],
  );
  return rows.map((row) => row.id);
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

/** Candidates linked to this role (any status). */
export async function candidatesOfRole(ctx: DbContext, roleId: number): Promise<number[]> {
  const { rows } = await ctx.sql.query<{ id: number }>(
    'SELECT DISTINCT candidate_id AS id FROM candidate_global_roles WHERE global_role_id = $1 ORDER BY 1',
    [roleId],
  );
  return rows.map((row) => row.id);
}
