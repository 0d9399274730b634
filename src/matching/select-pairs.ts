/**
 * Decides, per candidate, which scored pairs of a batch are worth storing, and explains only those: the one
 * place that chooses stored pairs. A pair is storable when it shows positive evidence of fit and reaches the floor; the candidate keeps its best
 * N storable pairs that no recruiter acted on, plus every pair a recruiter acted on (always rescored, never
 * counted in N). Pairs outside this batch's best N cannot be inside the candidate's overall best N, so
 * nothing kept here is lost; the store then trims the overall best N across batches (`matchWriter.prune`).
 */

import type { CandidateJobPair, MatchRetention } from '../db/repositories/candidate-job-match.repository.js';
import {
  evaluatePair,
  explainPair,
  type PairEvaluation,
  type PreparedCandidate,
  type PreparedJob,
  type ScoredPair,
  type ScoringSettings,
  isStorable as showsFitEvidence,
} from '../domain/scoring/index.js';

export interface PairSelection {
  keep: ScoredPair[];
  /** Scored pairs not worth storing: a stored row for them is stale and goes unless a recruiter acted on it. */
  drop: CandidateJobPair[];
}

/** Key for a (candidate, job) pair in sets. */
export function pairKey(candidateId: number, jobId: number): string {
  return `${candidateId}:${jobId}`;
}

/** Whether a scored pair may be stored as a suggestion at all: positive evidence of fit, at or above the floor. */
export function isStorable(evaluation: PairEvaluation, retention: MatchRetention): boolean {
  return showsFitEvidence(evaluation) && evaluation.match_score >= retention.floor;
}

export function selectPairs(
  candidates: readonly PreparedCandidate[],
  jobs: readonly PreparedJob[],
  settings: ScoringSettings,
  retention: MatchRetention,
  actedOn: ReadonlySet<string> = new Set(),
): PairSelection {
  const keep: ScoredPair[] = [];
  const drop: CandidateJobPair[] = [];
  const evaluated: { job: PreparedJob; evaluation: PairEvaluation }[] = [];
  for (const candidate of candidates) {
    evaluated.length = 0;
    for (const job of jobs) evaluated.push({ job, evaluation: evaluatePair(candidate, job, settings) });
    evaluated.sort((a, b) => b.evaluation.match_score - a.evaluation.match_score || a.job.id - b.job.id);
    let suggested = 0;
    for (const { job, evaluation } of evaluated) {
      const acted = actedOn.has(pairKey(candidate.id, job.id));
      const suggest = !acted && suggested < retention.bestN && isStorable(evaluation, retention);
      if (suggest) suggested += 1;
      if (acted || suggest) {
        keep.push({
          candidate_id: candidate.id,
          job_id: job.id,
          score: explainPair(candidate, job, evaluation, settings),
        });
      } else {
        drop.push({ candidate_id: candidate.id, job_posting_id: job.id });
      }
    }
  }
  return { keep, drop };
}
