/**
 * Scores every candidate against every job. Candidates and jobs are prepared once (skill keys, places,
 * embedding norms), so a pair costs only comparisons and one dot product; reasons and improvements, the
 * expensive part, are built only for pairs at or above `reasonsFloor`, the ones a caller stores.
 */

import { type PreparedCandidate, type PreparedJob, prepareCandidate, prepareJob } from './prepare.js';
import { evaluatePair, explainPair, summarizePair } from './score-match.js';
import { assertValidSettings, DEFAULT_SETTINGS } from './settings.js';
import { NO_SPECIFICITY, type SkillSpecificity } from './skill-specificity.js';
import type { CandidateFeatures, JobFeatures, MatchScore, ScoringSettings } from './types.js';

export interface MatrixOptions {
  /** Pairs scoring below this get no reasons or improvements. Default 0: every pair is explained. */
  reasonsFloor?: number;
  /** Also return pairs below the floor (numbers and skill lists only). Default false. */
  includeBelowFloor?: boolean;
  /** The skill specificity table to prepare candidates and jobs with (scoreMatrix). Default none. */
  specificity?: SkillSpecificity;
}

export interface ScoredPair {
  candidate_id: number;
  job_id: number;
  score: MatchScore;
}

/**
 * Calls `visit` for every pair kept (see MatrixOptions), candidate by candidate, without collecting them:
 * lets a caller write batches as it goes instead of holding every result in memory.
 */
export function forEachScoredPair(
  candidates: readonly PreparedCandidate[],
  jobs: readonly PreparedJob[],
  settings: ScoringSettings,
  options: MatrixOptions,
  visit: (pair: ScoredPair) => void,
): void {
  assertValidSettings(settings);
  const floor = options.reasonsFloor ?? 0;
  const includeBelowFloor = options.includeBelowFloor ?? false;
  for (const candidate of candidates) {
    for (const job of jobs) {
      const evaluation = evaluatePair(candidate, job, settings);
      let score: MatchScore;
      if (evaluation.match_score >= floor) score = explainPair(candidate, job, evaluation, settings);
      else if (includeBelowFloor) score = summarizePair(candidate, job, evaluation, settings);
      else continue;
      visit({ candidate_id: candidate.id, job_id: job.id, score });
    }
  }
}

export function scorePreparedMatrix(
  candidates: readonly PreparedCandidate[],
  jobs: readonly PreparedJob[],
  settings: ScoringSettings = DEFAULT_SETTINGS,
  options: MatrixOptions = {},
): ScoredPair[] {
  const pairs: ScoredPair[] = [];
  forEachScoredPair(candidates, jobs, settings, options, (pair) => pairs.push(pair));
  return pairs;
}

export function scoreMatrix(
  candidates: readonly CandidateFeatures[],
  jobs: readonly JobFeatures[],
  settings: ScoringSettings = DEFAULT_SETTINGS,
  options: MatrixOptions = {},
): ScoredPair[] {
  const table = options.specificity ?? NO_SPECIFICITY;
  return scorePreparedMatrix(
    candidates.map((candidate) => prepareCandidate(candidate, table)),
    jobs.map((job) => prepareJob(job, table)),
    settings,
    options,
  );
}
