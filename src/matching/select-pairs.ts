/**
 * Decides, per candidate, which scored pairs of a batch are worth storing: the one place that chooses stored
 * pairs. Kept pairs carry their numbers and skill lists; reasons and advice are not built here, they are
 * computed when a match is read (explain-matches.ts). A pair is storable when it shows positive evidence of fit and reaches the floor; the candidate keeps its best
 * N storable pairs that no recruiter acted on, plus every pair a recruiter acted on (always rescored, never
 * counted in N). Pairs outside this batch's best N cannot be inside the candidate's overall best N, so
 * nothing kept here is lost; the store then merges the overall best N across batches (`matchWriter.mergeBest`).
 *
 * Given the candidates' stored suggested pairs of other jobs (`stored`), a pair is kept only when it ranks
 * inside the best N of the merged list, so a batch writes only pairs that stay stored.
 */

import type {
  CandidateJobPair,
  MatchRetention,
  RankedStoredPair as RankedPair,
} from '../db/repositories/candidate-job-match.repository.js';
import {
  evaluatePair,
  type PairEvaluation,
  type PreparedCandidate,
  type PreparedJob,
  type ScoredPair,
  type ScoringSettings,
  isStorable as showsFitEvidence,
  summarizePair,
} from '../domain/scoring/index.js';
import { addStage, cpuNow as cpuMs, type StageTimes } from './stage-times.js';

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

function ranksAhead(pair: RankedPair, score: number, jobId: number): boolean {
  return pair.match_score > score || (pair.match_score === score && pair.job_id < jobId);
}

export function selectPairs(
  candidates: readonly PreparedCandidate[],
  jobs: readonly PreparedJob[],
  settings: ScoringSettings,
  retention: MatchRetention,
  actedOn: ReadonlySet<string> = new Set(),
  stored: ReadonlyMap<number, readonly RankedPair[]> = new Map(),
  timing: StageTimes = {},
): PairSelection {
  const keep: ScoredPair[] = [];
  const drop: CandidateJobPair[] = [];
  // Every pair is scored first, then each candidate's pairs are ranked and selected: two stages timed once
  // each (reading the process's CPU time per candidate cost more than a candidate's selection).
  const started = performance.now();
  const startedCpu = cpuMs();
  const evaluations: PairEvaluation[][] = candidates.map((candidate) =>
    jobs.map((job) => evaluatePair(candidate, job, settings)),
  );
  const scoreMs = performance.now() - started;
  const scoreCpuMs = cpuMs() - startedCpu;
  const evaluated: { job: PreparedJob; evaluation: PairEvaluation }[] = [];
  candidates.forEach((candidate, c) => {
    const scored = evaluations[c]!;
    evaluated.length = 0;
    for (let j = 0; j < jobs.length; j++) evaluated.push({ job: jobs[j]!, evaluation: scored[j]! });
    evaluated.sort((a, b) => b.evaluation.match_score - a.evaluation.match_score || a.job.id - b.job.id);
    let suggested = 0;
    const ranked = stored.get(candidate.id) ?? [];
    let storedAhead = 0;
    for (const { job, evaluation } of evaluated) {
      const acted = actedOn.has(pairKey(candidate.id, job.id));
      while (
        storedAhead < ranked.length &&
        ranksAhead(ranked[storedAhead]!, evaluation.match_score, job.id)
      ) {
        storedAhead += 1;
      }
      const suggest =
        !acted && suggested + storedAhead < retention.bestN && isStorable(evaluation, retention);
      if (suggest) suggested += 1;
      if (acted || suggest) {
        keep.push({
          candidate_id: candidate.id,
          job_id: job.id,
          score: summarizePair(candidate, job, evaluation, settings),
        });
      } else {
        drop.push({ candidate_id: candidate.id, job_posting_id: job.id });
      }
    }
  });
  addStage(timing, 'score', scoreMs, scoreCpuMs);
  addStage(timing, 'select', performance.now() - started - scoreMs, cpuMs() - startedCpu - scoreCpuMs);
  return { keep, drop };
}
