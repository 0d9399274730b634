/**
 * Scores candidate-job batches and stores the pairs worth showing, set-based: a few thousand rows per
 * statement, each chunk of candidates in one transaction, so a crash leaves whole chunks and a retry
 * upserts the same rows again (no duplicates: the unique (candidate, job) index).
 */

import type { Database, DbContext } from '../db/database.js';
import {
  type MatchRetention,
  matchWriter,
  type ScoredMatchRow,
} from '../db/repositories/candidate-job-match.repository.js';
import type { PreparedCandidate, PreparedJob, ScoredPair, ScoringSettings } from '../domain/scoring/index.js';
import { pairKey, selectPairs } from './select-pairs.js';

export const DEFAULT_RETENTION: Readonly<MatchRetention> = Object.freeze({ floor: 40, bestN: 50 });
/** Nearest active jobs by embedding that are due for every candidate (JOBMATCH_MATCH_VECTOR_K). */
export const DEFAULT_VECTOR_TOP_K = 100;

/** Candidates scored and written per transaction (one statement: at most N + acted-on rows each). */
const CANDIDATES_PER_CHUNK = 250;

export interface StoreTotals {
  scored: number;
  stored: number;
  removed: number;
  /** Milliseconds spent scoring and explaining in JS, and waiting for the database's writes. */
  scoreMs?: number;
  writeMs?: number;
}

export function toMatchRow(pair: ScoredPair): ScoredMatchRow {
  const { score } = pair;
  return {
    candidate_id: pair.candidate_id,
    job_posting_id: pair.job_id,
    match_score: score.match_score,
    skill_match_score: score.skill_match_score,
    experience_match_score: score.experience_match_score,
    location_match_score: score.location_match_score,
    salary_match_score: score.salary_match_score,
    semantic_similarity: score.semantic_similarity,
    matched_skills: score.matched_skills,
    missing_skills: score.missing_skills,
    match_reasons: score.match_reasons,
    is_recommended: score.is_recommended,
    scoring_version: score.scoring_version,
    improvements: score.improvements,
  };
}

/** Scores one chunk and merges its selection into the candidates' stored lists (matchWriter.mergeBest). */
async function writeChunk(
  tx: DbContext,
  candidates: readonly PreparedCandidate[],
  jobs: readonly PreparedJob[],
  settings: ScoringSettings,
  retention: MatchRetention,
): Promise<StoreTotals> {
  const writer = matchWriter(tx);
  const candidateIds = candidates.map((c) => c.id);
  const jobIds = jobs.map((j) => j.id);
  let at = performance.now();
  const { acted, suggested } = await writer.mergeTargets(candidateIds, jobIds);
  let writeMs = performance.now() - at;
  at = performance.now();
  const actedOn = new Set(acted.map((p) => pairKey(p.candidate_id, p.job_posting_id)));
  const { keep } = selectPairs(candidates, jobs, settings, retention, actedOn, suggested);
  const rows = keep.map(toMatchRow);
  const scoreMs = performance.now() - at;
  at = performance.now();
  const { stored, removed } = await writer.mergeBest(candidateIds, jobIds, rows, actedOn, retention);
  writeMs += performance.now() - at;
  return { scored: candidates.length * jobs.length, stored, removed, scoreMs, writeMs };
}

/**
 * Scores every candidate against every job with one tenant's settings and stores the result. Idempotent:
 * running it twice leaves the same rows (recruiter status and viewed_at untouched).
 */
export async function scoreAndStore(
  database: Database,
  candidates: readonly PreparedCandidate[],
  jobs: readonly PreparedJob[],
  settings: ScoringSettings,
  retention: MatchRetention = DEFAULT_RETENTION,
): Promise<StoreTotals> {
  const totals: StoreTotals = { scored: 0, stored: 0, removed: 0 };
  if (candidates.length === 0 || jobs.length === 0) return totals;
  for (let start = 0; start < candidates.length; start += CANDIDATES_PER_CHUNK) {
    const chunk = candidates.slice(start, start + CANDIDATES_PER_CHUNK);
    const result = await database.transaction((tx) => writeChunk(tx, chunk, jobs, settings, retention));
    totals.scored += result.scored;
    totals.stored += result.stored;
    totals.removed += result.removed;
    totals.scoreMs = (totals.scoreMs ?? 0) + (result.scoreMs ?? 0);
    totals.writeMs = (totals.writeMs ?? 0) + (result.writeMs ?? 0);
  }
  return totals;
}
