import { and, desc, eq, getTableColumns, gte, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { candidateJobMatches, candidates, type MATCH_STATUSES } from '../schema.js';

export type CandidateJobMatch = typeof candidateJobMatches.$inferSelect;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/**
 * One scored pair as the worker writes it (scores 0-100): the numbers and skill lists only. Reasons and
 * improvements are not stored; they are computed from the pair's features when a match is read.
 */
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
  is_recommended: boolean;
  scoring_version: string;
}

/** A stored suggested pair of one candidate, in rank order (score descending, then job id). */
export interface RankedStoredPair {
  job_id: number;
  match_score: number;
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
  'is_recommended',
  'scoring_version',
] as const;

/** Lists travel as one string each, joined by a character no skill name or reason contains. */
const LIST_SEPARATOR = '\u001f';

/**
 * A batch of rows as one typed array per column, for `unnest`: no JSON to build or parse, one statement
 * per chunk on both engines.
 */
function columnarRows(rows: readonly ScoredMatchRow[]): unknown[] {
  const list = (values: readonly string[]) => values.join(LIST_SEPARATOR);
  return [
    rows.map((r) => r.candidate_id),
    rows.map((r) => r.job_posting_id),
    rows.map((r) => r.match_score),
    rows.map((r) => r.skill_match_score),
    rows.map((r) => r.experience_match_score),
    rows.map((r) => r.location_match_score),
    rows.map((r) => r.salary_match_score),
    rows.map((r) => r.semantic_similarity),
    rows.map((r) => list(r.matched_skills)),
    rows.map((r) => list(r.missing_skills)),
    rows.map((r) => r.is_recommended),
    rows.map((r) => r.scoring_version),
  ];
}

const INCOMING_NAMES = `candidate_id, job_posting_id, match_score, skill_match_score, experience_match_score,
  location_match_score, salary_match_score, semantic_similarity, matched_skills, missing_skills,
  is_recommended, scoring_version`;

/** The rows of `columnarRows` ($1-$12), with `acted` from $13 when asked. */
const incomingRows = (withActed = false) => `unnest($1::int[], $2::int[], $3::numeric[], $4::numeric[],
  $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[], $9::text[], $10::text[], $11::boolean[],
  $12::text[]${withActed ? ', $13::boolean[]' : ''}) AS r(${INCOMING_NAMES}${withActed ? ', acted' : ''})`;

/** The incoming columns in SCORE_COLUMNS order, lists split back into arrays. */
const INCOMING_COLUMNS = `i.candidate_id, i.job_posting_id, i.match_score, i.skill_match_score,
  i.experience_match_score, i.location_match_score, i.salary_match_score, i.semantic_similarity,
  string_to_array(i.matched_skills, E'\x1f')::varchar(100)[], string_to_array(i.missing_skills, E'\x1f')::varchar(100)[],
  i.is_recommended, i.scoring_version`;

/**
 * A rescore rewrites a stored row only when something it stores changed (an unchanged row keeps its
 * updated_at, so it is not announced again, and costs no new row version). A changed row drops any
 * explanation an older version stored: it is computed on read.
 */
const UPSERT_TAIL = `ON CONFLICT (candidate_id, job_posting_id) DO UPDATE SET
  ${SCORE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, match_reasons = NULL, improvements = NULL,
  updated_at = now()
  WHERE (${SCORE_COLUMNS.map((c) => `candidate_job_matches.${c}`).join(', ')})
    IS DISTINCT FROM (${SCORE_COLUMNS.map((c) => `EXCLUDED.${c}`).join(', ')})`;

/**
 * The planner cannot estimate rows from `unnest` and prices these statements high enough to JIT-compile
 * them: on a server that took 1.5 s of a 1.9 s chunk write. Outside a transaction SET LOCAL is a no-op.
 */
async function withoutJit(raw: DbContext['sql']): Promise<void> {
  await raw.query('SET LOCAL jit = off');
}

/**
 * Set-based writes for the matching worker. They span tenants (a job is matched against every agency's
 * candidates), so they take no tenant id: only background tasks call them, never a request handler.
 */
export function matchWriter({ sql: raw }: DbContext) {
  return {
    /**
     * Inserts or rescores pairs in one statement; the rows written (unchanged ones are not). A rescore
     * replaces every score column but keeps the recruiter's `status` and `viewed_at`, and the first
     * `matched_at`.
     */
    async upsert(rows: readonly ScoredMatchRow[]): Promise<number> {
      if (rows.length === 0) return 0;
      await withoutJit(raw);
      const { rowCount } = await raw.query(
        `WITH incoming AS (SELECT * FROM ${incomingRows()})
         INSERT INTO candidate_job_matches (candidate_id, job_posting_id, ${SCORE_COLUMNS.join(', ')}, matched_at, updated_at)
         SELECT ${INCOMING_COLUMNS}, now(), now() FROM incoming i
         ${UPSERT_TAIL}`,
        columnarRows(rows),
      );
      return rowCount;
    },
    /**
     * Merges a batch's selection into these candidates' stored lists, set-based in one statement: `rows`
     * holds, per candidate, the batch's best N storable pairs plus the pairs a recruiter acted on (`acted`).
     * The suggested rows are ranked together with the candidates' stored suggested pairs of other jobs;
     * only those inside the best N at or above the floor are kept (`stored`; `written` counts the ones that
     * were new or changed), stored ones pushed out are deleted, and so are stored suggested pairs of `jobIds`
     * the batch no longer selects. Nothing written is pruned.
     */
    async mergeBest(
      candidateIds: readonly number[],
      jobIds: readonly number[],
      rows: readonly ScoredMatchRow[],
      acted: ReadonlySet<string>,
      retention: MatchRetention,
    ): Promise<{ stored: number; removed: number; written: number }> {
      if (candidateIds.length === 0) return { stored: 0, removed: 0, written: 0 };
      await withoutJit(raw);
      const params = [
        ...columnarRows(rows),
        rows.map((r) => acted.has(`${r.candidate_id}:${r.job_posting_id}`)),
        candidateIds,
        jobIds,
        retention.floor,
        retention.bestN,
      ];
      const [candidatesParam, jobsParam, floorParam, bestParam] = ['$14', '$15', '$16', '$17'];
      const { rows: counts } = await raw.query<{ stored: number; removed: number; written: number }>(
        `WITH incoming AS (SELECT * FROM ${incomingRows(true)}),
         ranked AS (
           SELECT candidate_id, job_posting_id, match_score, is_new, row_number() OVER (
             PARTITION BY candidate_id ORDER BY match_score DESC, job_posting_id) AS rank
           FROM (
             SELECT candidate_id, job_posting_id, match_score, true AS is_new FROM incoming WHERE NOT acted
             UNION ALL
             SELECT candidate_id, job_posting_id, match_score, false FROM candidate_job_matches
             WHERE candidate_id = ANY(${candidatesParam}::int[]) AND status = 'suggested'
               AND job_posting_id <> ALL(${jobsParam}::int[])
           ) listed),
         selected AS (
           SELECT i.* FROM incoming i
           WHERE i.acted OR EXISTS (
             SELECT 1 FROM ranked k WHERE k.is_new AND k.rank <= ${bestParam}
               AND k.candidate_id = i.candidate_id AND k.job_posting_id = i.job_posting_id)),
         removed AS (
           DELETE FROM candidate_job_matches m
           WHERE m.candidate_id = ANY(${candidatesParam}::int[]) AND m.status = 'suggested' AND (
             (m.job_posting_id = ANY(${jobsParam}::int[]) AND NOT EXISTS (
               SELECT 1 FROM selected s WHERE s.candidate_id = m.candidate_id AND s.job_posting_id = m.job_posting_id))
             OR EXISTS (
               SELECT 1 FROM ranked k WHERE NOT k.is_new AND (k.rank > ${bestParam} OR k.match_score < ${floorParam})
                 AND k.candidate_id = m.candidate_id AND k.job_posting_id = m.job_posting_id))
           RETURNING 1),
         written AS (
           INSERT INTO candidate_job_matches (candidate_id, job_posting_id, ${SCORE_COLUMNS.join(', ')}, matched_at, updated_at)
           SELECT ${INCOMING_COLUMNS}, now(), now() FROM selected i
           ${UPSERT_TAIL}
           RETURNING 1)
         SELECT (SELECT count(*) FROM selected)::int AS stored, (SELECT count(*) FROM removed)::int AS removed,
           (SELECT count(*) FROM written)::int AS written`,
        params,
      );
      return counts[0] ?? { stored: 0, removed: 0, written: 0 };
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
    /**
     * What a batch of these jobs merges into, in one read: the pairs among them a recruiter acted on, and
     * the candidates' suggested pairs of other jobs, best first.
     */
    async mergeTargets(
      candidateIds: readonly number[],
      jobIds: readonly number[],
    ): Promise<{ acted: CandidateJobPair[]; suggested: Map<number, RankedStoredPair[]> }> {
      const acted: CandidateJobPair[] = [];
      const suggested = new Map<number, RankedStoredPair[]>();
      if (candidateIds.length === 0) return { acted, suggested };
      const { rows } = await raw.query<CandidateJobPair & { match_score: string; acted: boolean }>(
        `SELECT candidate_id, job_posting_id, match_score, status <> 'suggested' AS acted
         FROM candidate_job_matches
         WHERE candidate_id = ANY($1::int[]) AND (
           (status <> 'suggested' AND job_posting_id = ANY($2::int[]))
           OR (status = 'suggested' AND job_posting_id <> ALL($2::int[])))
         ORDER BY candidate_id, match_score DESC, job_posting_id`,
        [candidateIds, jobIds],
      );
      for (const row of rows) {
        if (row.acted) {
          acted.push({ candidate_id: row.candidate_id, job_posting_id: row.job_posting_id });
          continue;
        }
        const list = suggested.get(row.candidate_id) ?? [];
        if (list.length === 0) suggested.set(row.candidate_id, list);
        list.push({ job_id: row.job_posting_id, match_score: Number(row.match_score) });
      }
      return { acted, suggested };
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

/** The planner's row estimate of the matches table (0 before its first ANALYZE). */
export async function estimatedMatchRows({ sql: raw }: DbContext): Promise<number> {
  const { rows } = await raw.query<{ rows: number }>(
    `SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = 'candidate_job_matches'::regclass`,
  );
  return Number(rows[0]?.rows ?? 0);
}

/**
 * Refreshes the planner statistics of the match tables (PGlite has no autovacuum to do it). The plans these
 * statistics decide (index or sequential scan for lookups by candidate, job and status) need row counts and
 * coarse distributions, not fine histograms: a sample of 3,000 rows (statistics target 10) instead of the
 * default 30,000 keeps ANALYZE of a large table well under a second.
 */
export async function analyzeMatchTables(database: DbContext & { exec(sql: string): Promise<unknown> }) {
  await database.exec(
    'SET default_statistics_target = 10; ANALYZE candidate_job_matches; ANALYZE candidate_match_state; RESET default_statistics_target',
  );
}
