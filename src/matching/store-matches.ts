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
import { recordMatching } from '../operations/metrics.js';
import { pairKey, selectPairs } from './select-pairs.js';
import { addStages, type StageTimes, startStage, timed } from './stage-times.js';

export const DEFAULT_RETENTION: Readonly<MatchRetention> = Object.freeze({ floor: 40, bestN: 50 });
/** Nearest active jobs by embedding that are due for every candidate (JOBMATCH_MATCH_VECTOR_K). */
export const DEFAULT_VECTOR_TOP_K = 100;

/** Candidates scored and written per transaction (one statement: at most N + acted-on rows each). */
const CANDIDATES_PER_CHUNK = 125;
/**
 * Chunks in flight at once on a server: while one chunk's write runs in the database process, the next is
 * scored here. The embedded engine runs in this process, so there its chunks go one after another.
 */
const SERVER_CHUNKS_IN_FLIGHT = 2;

export interface StoreTotals extends StageTimes {
  scored: number;
  /** Pairs kept stored (new, changed or unchanged). */
  stored: number;
  removed: number;
  /** Rows inserted or rewritten (an unchanged row is not rewritten); stored when not counted apart. */
  written?: number;
}

export function emptyTotals(): StoreTotals {
  return { scored: 0, stored: 0, removed: 0 };
}

export function addTotals(into: StoreTotals, more: StoreTotals): StoreTotals {
  into.scored += more.scored;
  into.stored += more.stored;
  into.removed += more.removed;
  into.written = (into.written ?? 0) + (more.written ?? more.stored);
  addStages(into, more);
  return into;
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
    is_recommended: score.is_recommended,
    scoring_version: score.scoring_version,
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
  const totals: StoreTotals = { scored: candidates.length * jobs.length, stored: 0, removed: 0 };
  const { acted, suggested } = await timed(totals, 'write', () => writer.mergeTargets(candidateIds, jobIds));
  const actedOn = new Set(acted.map((p) => pairKey(p.candidate_id, p.job_posting_id)));
  const { keep } = selectPairs(candidates, jobs, settings, retention, actedOn, suggested, totals);
  const converting = startStage(totals, 'select');
  const rows = keep.map(toMatchRow);
  converting.stop();
  const counts = await timed(totals, 'write', () =>
    writer.mergeBest(candidateIds, jobIds, rows, actedOn, retention),
  );
  return { ...totals, ...counts };
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
  const totals = emptyTotals();
  if (candidates.length === 0 || jobs.length === 0) return totals;
  const chunks: PreparedCandidate[][] = [];
  for (let start = 0; start < candidates.length; start += CANDIDATES_PER_CHUNK) {
    chunks.push(candidates.slice(start, start + CANDIDATES_PER_CHUNK));
  }
  // Chunks hold disjoint candidates, so their transactions touch disjoint rows.
  let next = 0;
  const lane = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      addTotals(totals, await database.transaction((tx) => writeChunk(tx, chunk, jobs, settings, retention)));
    }
  };
  const lanes = database.engine === 'pglite' ? 1 : SERVER_CHUNKS_IN_FLIGHT;
  await Promise.all(Array.from({ length: Math.min(lanes, chunks.length) }, lane));
  recordMatching(totals);
  return totals;
}
