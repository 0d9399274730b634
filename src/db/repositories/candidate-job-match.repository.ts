import { and, desc, eq, getTableColumns, gte, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { candidateJobMatches, candidates, type MATCH_STATUSES } from '../schema.js';

export type CandidateJobMatch = typeof candidateJobMatches.$inferSelect;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** One scored pair as the worker writes it (scores 0-100, improvements as stored JSON). */
export interface ScoredMatchRow {
  candidate_id: number;
  job_posting_id: number;
  match_score: number;
  /** Null: the component had no evidence. */
  skill_match_score: number | null;
  experience_match_score: number | null;
  location_match_score: number | null;
  salary_match_score: number | null;
  semantic_similarity: number | null;
  matched_skills: string[];
  missing_skills: string[];
  match_reasons: string[];
  is_recommended: boolean;
  scoring_version: string;
  improvements: unknown[];
}

export interface CandidateJobPair {
  candidate_id: number;
  job_posting_id: number;
}

/** What to keep: each candidate's best `bestN` suggested pairs at or above `floor`, plus anything a recruiter acted on. */
export interface MatchRetention {
  floor: number;
  bestN: number;
}

const SCORE_COLUMNS = [
  'match_score',
  'skill_match_score',
  'experience_match_score',
  'location_match_score',
  'salary_match_score',
  'semantic_similarity',
  'matched_skills',
  'missing_skills',
  'match_reasons',
  'is_recommended',
  'scoring_version',
  'improvements',
] as const;

/**
 * Set-based writes for the matching worker. They span tenants (a job is matched against every agency's
 * candidates), so they take no tenant id: only background tasks call them, never a request handler.
 */
export function matchWriter({ sql: raw }: DbContext) {
  return {
    /**
     * Inserts or rescores pairs in one statement. A rescore replaces every score column but keeps the
     * recruiter's `status` and `viewed_at`, and the first `matched_at`.
     */
    async upsert(rows: readonly ScoredMatchRow[]): Promise<number> {
      if (rows.length === 0) return 0;
      const { rowCount } = await raw.query(
        `INSERT INTO candidate_job_matches
           (candidate_id, job_posting_id, ${SCORE_COLUMNS.join(', ')}, matched_at, updated_at)
         SELECT r.candidate_id, r.job_posting_id, ${SCORE_COLUMNS.map((c) => `r.${c}`).join(', ')}, now(), now()
         FROM jsonb_to_recordset($1::jsonb) AS r(
           candidate_id int, job_posting_id int, match_score numeric, skill_match_score numeric,
           experience_match_score numeric, location_match_score numeric, salary_match_score numeric,
           semantic_similarity numeric, matched_skills varchar(100)[], missing_skills varchar(100)[],
           match_reasons text[], is_recommended boolean, scoring_version varchar(40), improvements jsonb)
         ON CONFLICT (candidate_id, job_posting_id) DO UPDATE SET
           ${SCORE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()`,
        [JSON.stringify(rows)],
      );
      return rowCount;
    },
    /** Pairs among these candidates and jobs that a recruiter has acted on (status other than suggested). */
    async actedOn(candidateIds: readonly number[], jobIds: readonly number[]): Promise<CandidateJobPair[]> {
      if (candidateIds.length === 0 || jobIds.length === 0) return [];
      const { rows } = await raw.query<CandidateJobPair>(
        `SELECT candidate_id, job_posting_id FROM candidate_job_matches
         WHERE candidate_id = ANY($1::int[]) AND job_posting_id = ANY($2::int[]) AND status <> 'suggested'`,
        [candidateIds, jobIds],
      );
      return rows;
    },
    /** Deletes these pairs unless a recruiter has acted on them. */
    async deleteUnacted(pairs: readonly CandidateJobPair[]): Promise<number> {
      if (pairs.length === 0) return 0;
      const { rowCount } = await raw.query(
        `DELETE FROM candidate_job_matches m
         USING unnest($1::int[], $2::int[]) AS d(candidate_id, job_posting_id)
         WHERE m.candidate_id = d.candidate_id AND m.job_posting_id = d.job_posting_id
           AND m.status = 'suggested'`,
        [pairs.map((p) => p.candidate_id), pairs.map((p) => p.job_posting_id)],
      );
      return rowCount;
    },
    /**
     * Applies the retention policy to these candidates' stored matches: keeps the best N suggested ones at
     * or above the floor (by score, then job id) and deletes the other suggested ones. Acted-on pairs stay.
     */
    async prune(candidateIds: readonly number[], retention: MatchRetention): Promise<number> {
      if (candidateIds.length === 0) return 0;
      const { rowCount } = await raw.query(
        `DELETE FROM candidate_job_matches m
         USING (
           SELECT id, match_score, row_number() OVER (
             PARTITION BY candidate_id ORDER BY match_score DESC, job_posting_id) AS rank
           FROM candidate_job_matches
           WHERE candidate_id = ANY($1::int[]) AND status = 'suggested'
         ) ranked
         WHERE m.id = ranked.id AND (ranked.match_score < $2 OR ranked.rank > $3)`,
        [candidateIds, retention.floor, retention.bestN],
      );
      return rowCount;
    },
    /** Deletes these candidates' suggested matches other than `keep` (a full rescore's result). */
    async deleteSuggestedExcept(
      candidateIds: readonly number[],
      keep: readonly CandidateJobPair[],
    ): Promise<number> {
      if (candidateIds.length === 0) return 0;
      const { rowCount } = await raw.query(
        `DELETE FROM candidate_job_matches m
         WHERE m.candidate_id = ANY($1::int[]) AND m.status = 'suggested'
           AND NOT EXISTS (SELECT 1 FROM unnest($2::int[], $3::int[]) AS k(candidate_id, job_posting_id)
                           WHERE k.candidate_id = m.candidate_id AND k.job_posting_id = m.job_posting_id)`,
        [candidateIds, keep.map((p) => p.candidate_id), keep.map((p) => p.job_posting_id)],
      );
      return rowCount;
    },
  };
}

/** Matches belong to a tenant through their candidate; every method takes the tenant id first. */
export function candidateJobMatchRepository({ db }: DbContext) {
  const columns = getTableColumns(candidateJobMatches);
  const scoped = (tenantId: number) =>
    db
      .select(columns)
      .from(candidateJobMatches)
      .innerJoin(
        candidates,
        and(eq(candidates.id, candidateJobMatches.candidate_id), eq(candidates.tenant_id, tenantId)),
      );
  const ownedBy = (tenantId: number) =>
    sql`${candidateJobMatches.candidate_id} IN (SELECT id FROM ${candidates} WHERE ${candidates.tenant_id} = ${tenantId})`;
  return {
    async findById(tenantId: number, id: number): Promise<CandidateJobMatch | undefined> {
      const [row] = await scoped(tenantId).where(eq(candidateJobMatches.id, id));
      return row;
    },
    listForCandidate(
      tenantId: number,
      candidateId: number,
      options: { minScore?: number; limit?: number; offset?: number } = {},
    ): Promise<CandidateJobMatch[]> {
      return scoped(tenantId)
        .where(
          and(
            eq(candidateJobMatches.candidate_id, candidateId),
            options.minScore === undefined
              ? undefined
              : gte(candidateJobMatches.match_score, options.minScore),
          ),
        )
        .orderBy(desc(candidateJobMatches.match_score), desc(candidateJobMatches.id))
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0);
    },
    async setStatus(
      tenantId: number,
      id: number,
      status: MatchStatus,
    ): Promise<CandidateJobMatch | undefined> {
      const [row] = await db
        .update(candidateJobMatches)
        .set({
          status,
          updated_at: sql`now()`,
          ...(status === 'viewed'
            ? { viewed_at: sql`coalesce(${candidateJobMatches.viewed_at}, now())` }
            : {}),
        })
        .where(and(eq(candidateJobMatches.id, id), ownedBy(tenantId)))
        .returning();
      return row;
    },
  };
}
