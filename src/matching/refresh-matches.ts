/**
 * Full rescore of candidates from their due pairs (due-pairs.ts): what "a from-scratch rescore" stores.
 * Every incremental path must agree with it; `checkMatches` compares the stored matches with it and
 * repairs the candidates that drifted.
 *
 * `planCandidates` computes without writing; `rescoreCandidates` writes the plan (upserts the kept pairs,
 * deletes the candidate's other suggested pairs, records the top-K radius and clears stale marks).
 */

import type { Database } from '../db/database.js';
import { matchWriter } from '../db/repositories/candidate-job-match.repository.js';
import type { PreparedJob, ScoredPair } from '../domain/scoring/index.js';
import { SCORING_VERSION } from '../domain/scoring/settings.js';
import { recordMatching } from '../operations/metrics.js';
import { type CandidateDueJobs, dueJobsOf } from './due-pairs.js';
import {
  loadActiveJobs,
  loadCandidatesByIds,
  loadTenantRetention,
  loadTenantSettings,
} from './load-features.js';
import type { MatchingDependencies } from './match-imported-jobs.js';
import {
  candidatesToCheck,
  databaseNow,
  markCandidatesScoredByOtherVersionStale,
  oldestStaleCandidates,
  recordRefreshed,
  storedPairsOf,
} from './matching-queries.js';
import { prepareMatchingCandidate, prepareMatchingJob } from './prepare-features.js';
import { addTotals, analyzeAfterBulkWrite, emptyTotals } from './score-groups.js';
import { pairKey, selectPairs } from './select-pairs.js';
import { type StageTimes, timed } from './stage-times.js';
import { type StoreTotals, toMatchRow } from './store-matches.js';

/** Candidates planned and written per transaction. */
const CANDIDATES_PER_CHUNK = 200;
const ROWS_PER_STATEMENT = 2500;

export interface CandidatePlan {
  /** Candidates that exist and are matchable, with their due jobs. */
  due: CandidateDueJobs[];
  /** Every requested candidate: a non-matchable or deleted one keeps no suggested pair. */
  candidateIds: number[];
  keep: ScoredPair[];
  scored: number;
  /** Time spent on due pairs, loading, scoring and selecting. */
  timing: StageTimes;
}

/** What a full rescore of these candidates would store (nothing is written). */
export async function planCandidates(
  deps: MatchingDependencies,
  candidateIds: readonly number[],
): Promise<CandidatePlan> {
  const timing: StageTimes = {};
  const ids = [...new Set(candidateIds)].sort((a, b) => a - b);
  const loaded = await timed(timing, 'load', () => loadCandidatesByIds(deps.database, ids, deps.skills));
  const due = await timed(timing, 'due', () =>
    dueJobsOf(
      deps.database,
      loaded.map((c) => c.features.id),
      deps.vectorTopK,
    ),
  );
  const jobIds = [...new Set(due.flatMap((d) => d.jobIds))];
  const jobs = new Map<number, PreparedJob>();
  const tenantIds = [...new Set(loaded.map((c) => c.tenantId))];
  const { settings, retention, acted } = await timed(timing, 'load', async () => {
    for (let start = 0; start < jobIds.length; start += 1000) {
      for (const job of await loadActiveJobs(deps.database, jobIds.slice(start, start + 1000))) {
        jobs.set(job.id, prepareMatchingJob(job));
      }
    }
    return {
      settings: await loadTenantSettings(deps.database, tenantIds),
      retention: await loadTenantRetention(deps.database, tenantIds, deps.retention),
      acted: await matchWriter(deps.database).actedOn(
        loaded.map((c) => c.features.id),
        jobIds,
      ),
    };
  });
  const actedOn = new Set(acted.map((p) => pairKey(p.candidate_id, p.job_posting_id)));
  const dueOf = new Map(due.map((d) => [d.candidateId, d.jobIds]));
  const keep: ScoredPair[] = [];
  let scored = 0;
  for (const candidate of loaded) {
    const candidateJobs = (dueOf.get(candidate.features.id) ?? [])
      .map((id) => jobs.get(id))
      .filter((job): job is PreparedJob => job !== undefined);
    scored += candidateJobs.length;
    const selection = selectPairs(
      [prepareMatchingCandidate(candidate.features)],
      candidateJobs,
      settings.get(candidate.tenantId)!,
      retention.get(candidate.tenantId)!,
      actedOn,
      undefined,
      timing,
    );
    keep.push(...selection.keep);
  }
  return { due, candidateIds: ids, keep, scored, timing };
}

/** Rescores these candidates from scratch and stores the result. Idempotent. */
export async function rescoreCandidates(
  deps: MatchingDependencies,
  candidateIds: readonly number[],
): Promise<StoreTotals> {
  const totals = emptyTotals();
  const ids = [...new Set(candidateIds)].sort((a, b) => a - b);
  for (let start = 0; start < ids.length; start += CANDIDATES_PER_CHUNK) {
    const startedAt = await databaseNow(deps.database);
    const plan = await planCandidates(deps, ids.slice(start, start + CANDIDATES_PER_CHUNK));
    const written = { scored: plan.scored, stored: plan.keep.length, removed: 0, written: 0, ...plan.timing };
    await timed(written, 'write', () =>
      deps.database.transaction(async (tx) => {
        const writer = matchWriter(tx);
        const rows = plan.keep.map(toMatchRow);
        for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
          written.written += await writer.upsert(rows.slice(from, from + ROWS_PER_STATEMENT));
        }
        written.removed += await writer.deleteSuggestedExcept(plan.candidateIds, rows);
        await recordRefreshed(tx, plan.due, startedAt);
      }),
    );
    addTotals(totals, written);
  }
  recordMatching(totals);
  return totals;
}

/** Rescores every candidate marked stale, oldest mark first, until none is left. */
export async function refreshStaleCandidates(
  deps: MatchingDependencies,
  options: { batchSize?: number } = {},
): Promise<StoreTotals & { candidates: number }> {
  const totals = { ...emptyTotals(), candidates: 0 };
  const seen = new Set<number>();
  for (;;) {
    const rows = await oldestStaleCandidates(deps.database, options.batchSize ?? 500);
    // A mark set again while we rescored is picked up on the next pass; one that survives a rescore of its
    // candidate (the candidate vanished meanwhile) must not loop forever.
    const ids = rows.map((row) => row.candidate_id).filter((id) => !seen.has(id));
    if (ids.length === 0) break;
    for (const id of ids) seen.add(id);
    const result = await rescoreCandidates(deps, ids);
    totals.candidates += ids.length;
    addTotals(totals, result);
  }
  await timed(totals, 'analyze', () => analyzeAfterBulkWrite(deps.database, totals));
  return totals;
}

/** Marks every candidate whose stored matches were scored by another scoring version (an upgrade). */
export async function markOutdatedScoringStale(database: Database): Promise<number> {
  return markCandidatesScoredByOtherVersionStale(database, SCORING_VERSION);
}

export interface DriftSample {
  candidate_id: number;
  job_posting_id: number;
  kind: 'missing' | 'unexpected' | 'outdated';
  stored_score: number | null;
  expected_score: number | null;
}

export interface DriftReport {
  candidates_checked: number;
  pairs_expected: number;
  pairs_stored: number;
  missing: number;
  unexpected: number;
  outdated: number;
  drifted_candidates: number[];
  samples: DriftSample[];
  repaired: boolean;
}

const SAMPLES = 20;
/** Scores are stored with 2 decimals. */
const SCORE_TOLERANCE = 0.006;

/**
 * Compares stored matches with a from-scratch rescore: every candidate that is matchable or holds a
 * suggested match (or only `candidateIds`). With `repair`, rescores the candidates that drifted.
 */
export async function checkMatches(
  deps: MatchingDependencies,
  options: { repair?: boolean; candidateIds?: readonly number[] } = {},
): Promise<DriftReport> {
  const ids = options.candidateIds ?? (await candidatesToCheck(deps.database));
  const report: DriftReport = {
    candidates_checked: 0,
    pairs_expected: 0,
    pairs_stored: 0,
    missing: 0,
    unexpected: 0,
    outdated: 0,
    drifted_candidates: [],
    samples: [],
    repaired: false,
  };
  const drifted = new Set<number>();
  const note = (sample: DriftSample) => {
    report[sample.kind] += 1;
    drifted.add(sample.candidate_id);
    if (report.samples.length < SAMPLES) report.samples.push(sample);
  };
  for (let start = 0; start < ids.length; start += CANDIDATES_PER_CHUNK) {
    const chunk = ids.slice(start, start + CANDIDATES_PER_CHUNK);
    const plan = await planCandidates(deps, chunk);
    const rows = await storedPairsOf(deps.database, chunk);
    const stored = new Map(rows.map((row) => [pairKey(row.candidate_id, row.job_posting_id), row]));
    const expected = new Set<string>();
    for (const pair of plan.keep) {
      const key = pairKey(pair.candidate_id, pair.job_id);
      expected.add(key);
      const row = stored.get(key);
      const sample = {
        candidate_id: pair.candidate_id,
        job_posting_id: pair.job_id,
        stored_score: row ? Number(row.match_score) : null,
        expected_score: pair.score.match_score,
      };
      if (!row) note({ ...sample, kind: 'missing' });
      else if (
        Math.abs(Number(row.match_score) - pair.score.match_score) > SCORE_TOLERANCE ||
        row.scoring_version !== pair.score.scoring_version
      )
        note({ ...sample, kind: 'outdated' });
    }
    for (const row of rows) {
      if (row.status !== 'suggested') continue;
      report.pairs_stored += 1;
      if (!expected.has(pairKey(row.candidate_id, row.job_posting_id))) {
        note({
          candidate_id: row.candidate_id,
          job_posting_id: row.job_posting_id,
          kind: 'unexpected',
          stored_score: Number(row.match_score),
          expected_score: null,
        });
      }
    }
    report.candidates_checked += chunk.length;
    report.pairs_expected += plan.keep.length;
  }
  report.drifted_candidates = [...drifted].sort((a, b) => a - b);
  if (options.repair && drifted.size > 0) {
    await rescoreCandidates(deps, report.drifted_candidates);
    report.repaired = true;
  }
  return report;
}
