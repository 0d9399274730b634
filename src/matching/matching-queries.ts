/** The matching pipeline's SQL: due pairs (role links, vector radii, stale marks), features, settings, vector search. */

import type { DbContext, SqlExecutor } from '../db/database.js';

/** Anything that runs statements: the database or a transaction. */
type SqlHolder = { sql: SqlExecutor };

import type { ScoringSettings } from '../domain/scoring/index.js';
import type { CandidateDueJobs } from './due-pairs.js';
import type { CandidateRow, JobRow, TenantSettingsRow } from './load-features.js';

/** Candidate statuses that are matched (the spec's "approved / ready for assignment"); pending_review is not. */
export const MATCHABLE_CANDIDATE_STATUSES = ['approved', 'ready_for_assignment'] as const;

/** Distances are float4 in pgvector and float64 in JS: compare with a margin, erring towards a rescore. */
const RADIUS_MARGIN = 1e-5;

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

/**
 * Matchable candidates these jobs may enter the vector top-K of (see `candidatesNearJobs`) where merging the
 * jobs is not exact, so the candidate needs a full rescore: merging is exact only when the entering job is
 * linked to the candidate's roles anyway and the candidate's last full rescore recorded no vector-only job
 * in its top-K (a never-rescored candidate has no record). Decided in SQL: returning every near pair (all
 * of them for candidates without a radius yet) cost more than the decision. The role links looked at are
 * the event's jobs' only (`ANY($1)` again): a plan that hashes the links of every job of the role grows
 * with each batch.
 */
export async function candidatesToRescoreForJobs(
  ctx: DbContext,
  jobIds: readonly number[],
): Promise<number[]> {
  if (jobIds.length === 0) return [];
  const { rows } = await ctx.sql.query<{ id: number }>(
    `SELECT DISTINCT c.id FROM candidates c
       JOIN job_postings j ON j.id = ANY($1::int[]) AND j.embedding IS NOT NULL
         AND j.embedding_model = c.embedding_model
       LEFT JOIN candidate_match_state s ON s.candidate_id = c.id
     WHERE c.status = ANY($2::text[]) AND c.embedding IS NOT NULL
       AND (s.vector_radius IS NULL OR (c.embedding <=> j.embedding) <= s.vector_radius + $3)
       AND NOT (coalesce(s.vector_only_jobs, -1) = 0 AND EXISTS (
         SELECT 1 FROM role_job_mapping m JOIN candidate_global_roles l ON l.global_role_id = m.global_role_id
         WHERE m.job_posting_id = ANY($1::int[]) AND m.job_posting_id = j.id AND l.candidate_id = c.id))
     ORDER BY c.id`,
    [jobIds, MATCHABLE_CANDIDATE_STATUSES, RADIUS_MARGIN],
  );
  return rows.map((row) => row.id);
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

/** Candidates linked to this role (any status). */
export async function candidatesOfRole(ctx: DbContext, roleId: number): Promise<number[]> {
  const { rows } = await ctx.sql.query<{ id: number }>(
    'SELECT DISTINCT candidate_id AS id FROM candidate_global_roles WHERE global_role_id = $1 ORDER BY 1',
    [roleId],
  );
  return rows.map((row) => row.id);
}

/** The tenant's saved list size and floor, with when its settings were saved; empty when never saved. */
export async function storedListSettings(ctx: DbContext, tenantId: number) {
  const { rows } = await ctx.sql.query<{
    updated_at: Date;
    match_list_size: number | null;
    match_floor: number | null;
  }>('SELECT updated_at, match_list_size, match_floor FROM tenant_settings WHERE tenant_id = $1', [tenantId]);
  return rows;
}

/** Saves the tenant's weights, threshold, list size and floor (null: the configured default). */
export async function saveTenantSettings(
  ctx: DbContext,
  tenantId: number,
  settings: ScoringSettings,
  list: { updatedBy: number | null; listSize: number | null; floor: number | null },
): Promise<void> {
  const w = settings.weights;
  await ctx.sql.query(
    `INSERT INTO tenant_settings (tenant_id, weight_skill, weight_experience, weight_location, weight_salary,
       weight_semantic, recommend_threshold, updated_at, updated_by, match_list_size, match_floor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9, $10)
     ON CONFLICT (tenant_id) DO UPDATE SET weight_skill = EXCLUDED.weight_skill,
       weight_experience = EXCLUDED.weight_experience, weight_location = EXCLUDED.weight_location,
       weight_salary = EXCLUDED.weight_salary, weight_semantic = EXCLUDED.weight_semantic,
       recommend_threshold = EXCLUDED.recommend_threshold, updated_at = now(), updated_by = EXCLUDED.updated_by,
       match_list_size = EXCLUDED.match_list_size, match_floor = EXCLUDED.match_floor`,
    [
      tenantId,
      w.skill,
      w.experience,
      w.location,
      w.salary,
      w.semantic,
      settings.recommendThreshold,
      list.updatedBy,
      list.listSize,
      list.floor,
    ],
  );
}

export async function tenantCandidateIds(ctx: DbContext, tenantId: number): Promise<number[]> {
  const { rows } = await ctx.sql.query<{ id: number }>('SELECT id FROM candidates WHERE tenant_id = $1', [
    tenantId,
  ]);
  return rows.map((row) => row.id);
}

export interface ComponentRow {
  id: number;
  candidate_id: number;
  job_posting_id: number;
  match_score: number;
  is_recommended: boolean | null;
  skill_match_score: number | null;
  experience_match_score: number | null;
  location_match_score: number | null;
  salary_match_score: number | null;
  semantic_similarity: number | null;
  matched_count: number;
  skill_count: number;
}

/** The tenant's best `limit` stored matches of active jobs, with their component scores. */
export async function bestStoredMatchComponents(
  ctx: DbContext,
  tenantId: number,
  limit: number,
): Promise<ComponentRow[]> {
  const { rows } = await ctx.sql.query<ComponentRow>(
    `SELECT m.id, m.candidate_id, m.job_posting_id, m.match_score, m.is_recommended, m.skill_match_score,
            m.experience_match_score, m.location_match_score, m.salary_match_score, m.semantic_similarity,
            coalesce(cardinality(m.matched_skills), 0) AS matched_count,
            coalesce(cardinality(m.matched_skills), 0) + coalesce(cardinality(m.missing_skills), 0) AS skill_count
     FROM candidate_job_matches m
       JOIN candidates c ON c.id = m.candidate_id AND c.tenant_id = $1
       JOIN job_postings j ON j.id = m.job_posting_id AND j.status = 'active'
     ORDER BY m.match_score DESC, m.id LIMIT $2`,
    [tenantId, limit],
  );
  return rows;
}

/** The fields a candidate's embedding text is built from; undefined when there is no such candidate. */
export async function candidateEmbeddingFields(
  sql: SqlExecutor,
  candidateId: number,
): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql.query<Record<string, unknown>>(
    'SELECT current_title, professional_summary, skills, preferred_roles FROM candidates WHERE id = $1',
    [candidateId],
  );
  return rows[0];
}

/** The candidate's status when it is the tenant's; undefined otherwise. */
export async function candidateStatusInTenant(
  sql: SqlExecutor,
  tenantId: number,
  candidateId: number,
): Promise<string | undefined> {
  const { rows } = await sql.query<{ status: string }>(
    'SELECT status FROM candidates WHERE id = $1 AND tenant_id = $2',
    [candidateId, tenantId],
  );
  return rows[0]?.status;
}

const CANDIDATE_COLUMNS = `c.id, c.tenant_id, c.skills, c.total_experience_years, c.expected_salary, c.location,
  c.preferred_locations, c.current_title, c.preferred_roles, c.work_modes, c.employment_types,
  c.expected_hourly_rate, c.open_to_relocation, c.commute_radius_km, vector_send(c.embedding) AS embedding, c.embedding_model`;

const JOB_COLUMNS = `j.id, j.title, j.skills, j.experience_min, j.experience_max, j.is_remote, j.work_arrangement,
  j.location_city, j.location_region, j.location_country, j.salary_min_annual, j.salary_max_annual,
  j.salary_currency, j.salary_range, j.salary_period, j.salary_min, j.salary_max, j.contract_type,
  j.employment_type, vector_send(j.embedding) AS embedding, j.embedding_model`;

/** Matchable candidates linked to any of these roles, across all tenants, in id order. */
export async function matchableCandidateRowsOfRoles(
  ctx: DbContext,
  roleIds: readonly number[],
): Promise<CandidateRow[]> {
  const { rows } = await ctx.sql.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM candidates c
     WHERE c.status = ANY($2::text[])
       AND EXISTS (SELECT 1 FROM candidate_global_roles l
                   WHERE l.candidate_id = c.id AND l.global_role_id = ANY($1::int[]))
     ORDER BY c.id`,
    [roleIds, MATCHABLE_CANDIDATE_STATUSES],
  );
  return rows;
}

/** These candidates (any tenant) when matchable, in id order. */
export async function matchableCandidateRows(
  ctx: DbContext,
  candidateIds: readonly number[],
): Promise<CandidateRow[]> {
  const { rows } = await ctx.sql.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM candidates c
     WHERE c.id = ANY($1::int[]) AND c.status = ANY($2::text[]) ORDER BY c.id`,
    [candidateIds, MATCHABLE_CANDIDATE_STATUSES],
  );
  return rows;
}

/** These candidates in any status (a stored match outlives the candidate's matchability), in id order. */
export async function candidateRowsByIds(
  ctx: DbContext,
  candidateIds: readonly number[],
): Promise<CandidateRow[]> {
  const { rows } = await ctx.sql.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM candidates c WHERE c.id = ANY($1::int[]) ORDER BY c.id`,
    [candidateIds],
  );
  return rows;
}

/** These jobs in any status (a closed job's match is still shown on request), in id order. */
export async function jobRowsByIds(ctx: DbContext, jobIds: readonly number[]): Promise<JobRow[]> {
  const { rows } = await ctx.sql.query<JobRow>(
    `SELECT ${JOB_COLUMNS} FROM job_postings j WHERE j.id = ANY($1::int[]) ORDER BY j.id`,
    [jobIds],
  );
  return rows;
}

/** Active jobs among these ids, in id order. */
export async function activeJobRows(ctx: DbContext, jobIds: readonly number[]): Promise<JobRow[]> {
  const { rows } = await ctx.sql.query<JobRow>(
    `SELECT ${JOB_COLUMNS} FROM job_postings j
     WHERE j.id = ANY($1::int[]) AND j.status = 'active' ORDER BY j.id`,
    [jobIds],
  );
  return rows;
}

/** The scoring settings rows of these tenants (tenants without one are left out). */
export async function tenantSettingsRows(
  ctx: DbContext,
  tenantIds: readonly number[],
): Promise<TenantSettingsRow[]> {
  const { rows } = await ctx.sql.query<TenantSettingsRow>(
    `SELECT tenant_id, weight_skill, weight_experience, weight_location, weight_salary, weight_semantic,
            recommend_threshold
     FROM tenant_settings WHERE tenant_id = ANY($1::int[])`,
    [tenantIds],
  );
  return rows;
}

/** The list size and floor rows of these tenants (tenants without settings are left out). */
export async function tenantRetentionRows(ctx: DbContext, tenantIds: readonly number[]) {
  const { rows } = await ctx.sql.query<{
    tenant_id: number;
    match_list_size: number | null;
    match_floor: number | null;
  }>('SELECT tenant_id, match_list_size, match_floor FROM tenant_settings WHERE tenant_id = ANY($1::int[])', [
    tenantIds,
  ]);
  return rows;
}

/** The database's clock (not the transaction's start). */
export async function databaseNow(database: SqlHolder): Promise<Date> {
  const { rows } = await database.sql.query<{ now: Date }>('SELECT clock_timestamp() AS now');
  return new Date(rows[0]!.now);
}

/** Up to `limit` candidates marked stale, oldest mark first. */
export async function oldestStaleCandidates(
  database: SqlHolder,
  limit: number,
): Promise<{ candidate_id: number }[]> {
  const { rows } = await database.sql.query<{ candidate_id: number }>(
    `SELECT candidate_id FROM candidate_match_state WHERE stale_since IS NOT NULL
     ORDER BY stale_since, candidate_id LIMIT $1`,
    [limit],
  );
  return rows;
}

/** Marks every candidate holding a suggested match scored by another version than `scoringVersion`. */
export async function markCandidatesScoredByOtherVersionStale(
  database: SqlHolder,
  scoringVersion: string,
): Promise<number> {
  const { rowCount } = await database.sql.query(
    `INSERT INTO candidate_match_state (candidate_id, stale_since)
     SELECT DISTINCT candidate_id, clock_timestamp() FROM candidate_job_matches
     WHERE scoring_version IS DISTINCT FROM $1 AND status = 'suggested'
     ON CONFLICT (candidate_id) DO UPDATE
       SET stale_since = coalesce(candidate_match_state.stale_since, EXCLUDED.stale_since)`,
    [scoringVersion],
  );
  return rowCount;
}

/** Candidates that are matchable or hold a suggested match, in id order. */
export async function candidatesToCheck(database: SqlHolder): Promise<number[]> {
  const { rows } = await database.sql.query<{ id: number }>(
    `SELECT id FROM candidates WHERE status = ANY($1::text[])
     UNION SELECT candidate_id FROM candidate_job_matches WHERE status = 'suggested' ORDER BY 1`,
    [['approved', 'ready_for_assignment']],
  );
  return rows.map((row) => row.id);
}

export interface StoredRow {
  candidate_id: number;
  job_posting_id: number;
  match_score: number;
  status: string;
  scoring_version: string | null;
}

/** Every stored match of these candidates. */
export async function storedPairsOf(
  database: SqlHolder,
  candidateIds: readonly number[],
): Promise<StoredRow[]> {
  const { rows } = await database.sql.query<StoredRow>(
    `SELECT candidate_id, job_posting_id, match_score, status, scoring_version FROM candidate_job_matches
     WHERE candidate_id = ANY($1::int[])`,
    [candidateIds],
  );
  return rows;
}

/** For each matchable candidate linked by role to some of these jobs: which of them (ascending ids). */
export async function roleLinkedPairs(database: SqlHolder, jobIds: readonly number[]) {
  const { rows } = await database.sql.query<{ candidate_id: number; job_ids: number[] }>(
    `SELECT l.candidate_id, array_agg(DISTINCT m.job_posting_id ORDER BY m.job_posting_id) AS job_ids
     FROM role_job_mapping m
       JOIN candidate_global_roles l ON l.global_role_id = m.global_role_id
       JOIN candidates c ON c.id = l.candidate_id AND c.status = ANY($2::text[])
     WHERE m.job_posting_id = ANY($1::int[])
     GROUP BY l.candidate_id`,
    [jobIds, MATCHABLE_CANDIDATE_STATUSES],
  );
  return rows;
}
