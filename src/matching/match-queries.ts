/**
 * Recruiter-facing reads and updates of matches; every function takes the tenant id first and answers 404
 * for another tenant's ids. Matches of jobs that are no longer active (expired, filled, closed) are hidden
 * unless `includeInactiveJobs` is set: closing a job hides its matches without deleting the recruiter's work.
 */

import type { DbContext } from '../db/database.js';
import { containsPattern } from '../db/list-page.js';
import {
  type CandidateJobPair,
  candidateJobMatchRepository,
  type MatchStatus,
} from '../db/repositories/candidate-job-match.repository.js';
import { AppError } from '../errors.js';
import { EVENT, eventPublisher } from '../events/events.js';
import type { JobQueue } from '../worker/job-queue.js';
import { type MatchExplanation, type StoredExplanation, withExplanations } from './explain-matches.js';
import { markCandidatesStale } from './matching-queries.js';

export interface MatchListOptions {
  /** Part of the job's title or company, or of the candidate's name (case-insensitive). */
  q?: string;
  minScore?: number;
  recommendedOnly?: boolean;
  status?: MatchStatus;
  sort?: 'score' | 'date';
  limit?: number;
  offset?: number;
  includeInactiveJobs?: boolean;
}

export interface MatchJobSummary {
  id: number;
  title: string;
  company: string | null;
  location: string | null;
  is_remote: boolean;
  salary_range: string | null;
  salary_min_annual: number | null;
  salary_max_annual: number | null;
  salary_currency: string | null;
  status: string | null;
}

export interface MatchSummary {
  id: number;
  candidate_id: number;
  job_posting_id: number;
  match_score: number;
  is_recommended: boolean;
  status: string;
  matched_skills: string[];
  missing_skills: string[];
  matched_at: Date | null;
  viewed_at: Date | null;
  job: MatchJobSummary;
  candidate: MatchCandidateSummary;
}

export interface MatchCandidateSummary {
  id: number;
  first_name: string;
  last_name: string;
  current_title: string | null;
}

export interface MatchDetail extends MatchSummary {
  skill_match_score: number | null;
  experience_match_score: number | null;
  location_match_score: number | null;
  salary_match_score: number | null;
  semantic_similarity: number | null;
  match_reasons: string[];
  improvements: unknown;
  scoring_version: string | null;
  updated_at: Date | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Statuses a recruiter sets here ("applied" comes from an application). */
export const RECRUITER_MATCH_STATUSES = ['suggested', 'viewed', 'shortlisted', 'rejected'] as const;
export type RecruiterMatchStatus = (typeof RECRUITER_MATCH_STATUSES)[number];

const DEFAULT_LIMIT = 50;

const SUMMARY_COLUMNS = `m.id, m.candidate_id, m.job_posting_id, m.match_score, coalesce(m.is_recommended, false) AS is_recommended,
  coalesce(m.status, 'suggested') AS status, coalesce(m.matched_skills, '{}') AS matched_skills,
  coalesce(m.missing_skills, '{}') AS missing_skills, m.matched_at, m.viewed_at,
  j.title AS job_title, j.company AS job_company, j.location AS job_location, coalesce(j.is_remote, false) AS job_is_remote,
  j.salary_range AS job_salary_range, j.salary_min_annual AS job_salary_min_annual,
  j.salary_max_annual AS job_salary_max_annual, j.salary_currency AS job_salary_currency, j.status AS job_status,
  c.first_name, c.last_name, c.current_title`;

const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, m.skill_match_score, m.experience_match_score, m.location_match_score,
  m.salary_match_score, m.semantic_similarity, m.match_reasons, m.improvements, m.scoring_version, m.updated_at`;

type Row = Record<string, unknown>;

function toSummary(row: Row): MatchSummary {
  return {
    id: row.id as number,
    candidate_id: row.candidate_id as number,
    job_posting_id: row.job_posting_id as number,
    match_score: Number(row.match_score),
    is_recommended: row.is_recommended as boolean,
    status: row.status as string,
    matched_skills: row.matched_skills as string[],
    missing_skills: row.missing_skills as string[],
    matched_at: (row.matched_at as Date | null) ?? null,
    viewed_at: (row.viewed_at as Date | null) ?? null,
    job: {
      id: row.job_posting_id as number,
      title: row.job_title as string,
      company: (row.job_company as string | null) ?? null,
      location: (row.job_location as string | null) ?? null,
      is_remote: row.job_is_remote as boolean,
      salary_range: (row.job_salary_range as string | null) ?? null,
      salary_min_annual: (row.job_salary_min_annual as number | null) ?? null,
      salary_max_annual: (row.job_salary_max_annual as number | null) ?? null,
      salary_currency: (row.job_salary_currency as string | null) ?? null,
      status: (row.job_status as string | null) ?? null,
    },
    candidate: {
      id: row.candidate_id as number,
      first_name: row.first_name as string,
      last_name: row.last_name as string,
      current_title: (row.current_title as string | null) ?? null,
    },
  };
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function toDetail(row: Row & MatchExplanation): MatchDetail {
  return {
    ...toSummary(row),
    skill_match_score: numberOrNull(row.skill_match_score),
    experience_match_score: numberOrNull(row.experience_match_score),
    location_match_score: numberOrNull(row.location_match_score),
    salary_match_score: numberOrNull(row.salary_match_score),
    semantic_similarity: numberOrNull(row.semantic_similarity),
    match_reasons: row.match_reasons,
    improvements: row.improvements,
    scoring_version: (row.scoring_version as string | null) ?? null,
    updated_at: (row.updated_at as Date | null) ?? null,
  };
}

async function assertCandidateInTenant(ctx: DbContext, tenantId: number, candidateId: number): Promise<void> {
  const { rows } = await ctx.sql.query('SELECT 1 FROM candidates WHERE id = $1 AND tenant_id = $2', [
    candidateId,
    tenantId,
  ]);
  if (rows.length === 0) throw AppError.notFound(`Candidate ${candidateId}`);
}

/** Filters shared by both list queries; `$1` is the tenant id, `$2` the candidate or job id. */
function listFilters(options: MatchListOptions, params: unknown[]): string {
  const where: string[] = [];
  if (!options.includeInactiveJobs) where.push(`j.status = 'active'`);
  if (options.minScore !== undefined) {
    params.push(options.minScore);
    where.push(`m.match_score >= $${params.length}`);
  }
  if (options.recommendedOnly) where.push('m.is_recommended');
  if (options.q?.trim()) {
    params.push(containsPattern(options.q));
    const p = `$${params.length}`;
    where.push(
      `(j.title ILIKE ${p} OR j.company ILIKE ${p} OR (c.first_name || ' ' || c.last_name) ILIKE ${p})`,
    );
  }
  if (options.status) {
    params.push(options.status);
    where.push(`m.status = $${params.length}`);
  }
  return where.map((w) => ` AND ${w}`).join('');
}

async function listPage(
  ctx: DbContext,
  scope: string,
  params: unknown[],
  options: MatchListOptions,
): Promise<Page<MatchSummary>> {
  const filters = listFilters(options, params);
  const order =
    options.sort === 'date'
      ? 'm.matched_at DESC, m.id DESC'
      : 'm.match_score DESC, m.matched_at DESC, m.id DESC';
  const limit = options.limit ?? DEFAULT_LIMIT;
  const offset = options.offset ?? 0;
  params.push(limit, offset);
  const { rows } = await ctx.sql.query<Row>(
    `SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total
     FROM candidate_job_matches m
       JOIN candidates c ON c.id = m.candidate_id AND c.tenant_id = $1
       JOIN job_postings j ON j.id = m.job_posting_id
     WHERE ${scope}${filters}
     ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && offset > 0) {
    const counted = await ctx.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM candidate_job_matches m
         JOIN candidates c ON c.id = m.candidate_id AND c.tenant_id = $1
         JOIN job_postings j ON j.id = m.job_posting_id
       WHERE ${scope}${filters}`,
      params.slice(0, -2),
    );
    total = counted.rows[0]?.n ?? 0;
  }
  return { items: rows.map(toSummary), total, limit, offset };
}

export async function listCandidateMatches(
  ctx: DbContext,
  tenantId: number,
  candidateId: number,
  options: MatchListOptions = {},
): Promise<Page<MatchSummary>> {
  await assertCandidateInTenant(ctx, tenantId, candidateId);
  return listPage(ctx, 'm.candidate_id = $2', [tenantId, candidateId], options);
}

/** This tenant's candidates matched to a job (jobs are global; candidates are the tenant's). */
export async function listJobMatches(
  ctx: DbContext,
  tenantId: number,
  jobId: number,
  options: MatchListOptions = {},
): Promise<Page<MatchSummary>> {
  const { rows } = await ctx.sql.query('SELECT 1 FROM job_postings WHERE id = $1', [jobId]);
  if (rows.length === 0) throw AppError.notFound(`Job ${jobId}`);
  return listPage(ctx, 'm.job_posting_id = $2', [tenantId, jobId], options);
}

export async function getMatch(ctx: DbContext, tenantId: number, matchId: number): Promise<MatchDetail> {
  const { rows } = await ctx.sql.query<Row>(
    `SELECT ${DETAIL_COLUMNS}
     FROM candidate_job_matches m
       JOIN candidates c ON c.id = m.candidate_id AND c.tenant_id = $1
       JOIN job_postings j ON j.id = m.job_posting_id
     WHERE m.id = $2`,
    [tenantId, matchId],
  );
  const row = rows[0] as (Row & CandidateJobPair & StoredExplanation) | undefined;
  if (!row) throw AppError.notFound(`Match ${matchId}`);
  const [explained] = await withExplanations(ctx, [row]);
  return toDetail(explained!);
}

/** Sets the recruiter's status; "viewed" also records when (the first view is kept). */
export async function updateMatchStatus(
  ctx: DbContext,
  tenantId: number,
  matchId: number,
  status: RecruiterMatchStatus,
): Promise<MatchDetail> {
  const updated = await candidateJobMatchRepository(ctx).setStatus(tenantId, matchId, status);
  if (!updated) throw AppError.notFound(`Match ${matchId}`);
  // An acted-on pair no longer takes one of the candidate's best-N places (and a reset one does again).
  await markCandidatesStale(ctx, [updated.candidate_id]);
  return getMatch(ctx, tenantId, matchId);
}

/** Queues a rescore of one candidate (`candidates/changed`); the task is idempotent, so repeats are harmless. */
export async function requestRematch(
  ctx: DbContext,
  queue: Pick<JobQueue, 'send'>,
  tenantId: number,
  candidateId: number,
): Promise<{ queued: boolean }> {
  await assertCandidateInTenant(ctx, tenantId, candidateId);
  const queued = await eventPublisher(queue).publish(ctx, {
    name: EVENT.candidateChanged,
    data: { tenantId, candidateId },
  });
  return { queued };
}
