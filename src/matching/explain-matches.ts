/**
 * Reasons and advice of stored matches, computed when they are read. The worker stores a pair's numbers and
 * skill lists only (explaining every stored pair took a third of a batch's CPU, and few pairs are ever
 * opened); a read re-evaluates the pair from the candidate's and the job's features with the tenant's
 * settings, prepared exactly as the worker prepares them, and explains it. Scoring is deterministic, so the
 * same features give the same reasons and the same advice the worker would have stored; a candidate or job
 * changed since is rescored by the matching tasks, and its reasons already follow the change.
 *
 * Rows whose explanation was stored (by an older version, or written by hand) keep it.
 */

import type { DbContext } from '../db/database.js';
import type { CandidateJobPair } from '../db/repositories/candidate-job-match.repository.js';
import { evaluatePair, explainPair, type Improvement } from '../domain/scoring/index.js';
import { loadSkillMatcher } from '../skills/skill-dictionary.loader.js';
import { candidateFeaturesFromRow, jobFeaturesFromRow, loadTenantSettings } from './load-features.js';
import { candidateRowsByIds, jobRowsByIds } from './matching-queries.js';
import { prepareMatchingCandidate, prepareMatchingJob } from './prepare-features.js';
import { pairKey } from './select-pairs.js';

export interface MatchExplanation {
  match_reasons: string[];
  improvements: Improvement[];
}

/** A stored row's explanation columns: NULL (or empty) when the explanation is computed on read. */
export interface StoredExplanation {
  match_reasons: string[] | null;
  improvements: unknown;
}

export function hasStoredExplanation(row: StoredExplanation): boolean {
  return row.match_reasons !== null && row.match_reasons.length > 0;
}

/**
 * The explanation of each pair (keyed by `pairKey`); a pair whose candidate or job no longer exists is
 * left out.
 */
export async function explainPairs(
  ctx: DbContext,
  pairs: readonly CandidateJobPair[],
): Promise<Map<string, MatchExplanation>> {
  const explained = new Map<string, MatchExplanation>();
  if (pairs.length === 0) return explained;
  const skills = loadSkillMatcher();
  const candidateRows = await candidateRowsByIds(ctx, [...new Set(pairs.map((p) => p.candidate_id))]);
  const jobRows = await jobRowsByIds(ctx, [...new Set(pairs.map((p) => p.job_posting_id))]);
  const settings = await loadTenantSettings(ctx, [...new Set(candidateRows.map((row) => row.tenant_id))]);
  const candidates = new Map(
    candidateRows.map((row) => [
      row.id,
      {
        tenantId: row.tenant_id,
        prepared: prepareMatchingCandidate(candidateFeaturesFromRow(row, skills)),
      },
    ]),
  );
  const jobs = new Map(jobRows.map((row) => [row.id, prepareMatchingJob(jobFeaturesFromRow(row))]));
  for (const pair of pairs) {
    const candidate = candidates.get(pair.candidate_id);
    const job = jobs.get(pair.job_posting_id);
    if (!candidate || !job) continue;
    const tenantSettings = settings.get(candidate.tenantId)!;
    const evaluation = evaluatePair(candidate.prepared, job, tenantSettings);
    const score = explainPair(candidate.prepared, job, evaluation, tenantSettings);
    explained.set(pairKey(pair.candidate_id, pair.job_posting_id), {
      match_reasons: score.match_reasons,
      improvements: score.improvements,
    });
  }
  return explained;
}

/** Each row with its explanation: the stored one when there is one, else computed from its features. */
export async function withExplanations<T extends CandidateJobPair & StoredExplanation>(
  ctx: DbContext,
  rows: readonly T[],
): Promise<(T & MatchExplanation)[]> {
  const missing = rows.filter((row) => !hasStoredExplanation(row));
  const computed = await explainPairs(ctx, missing);
  return rows.map((row) => {
    if (hasStoredExplanation(row)) {
      return {
        ...row,
        match_reasons: row.match_reasons ?? [],
        improvements: (row.improvements ?? []) as Improvement[],
      };
    }
    const explanation = computed.get(pairKey(row.candidate_id, row.job_posting_id));
    return {
      ...row,
      match_reasons: explanation?.match_reasons ?? [],
      improvements: explanation?.improvements ?? [],
    };
  });
}

/** Each row with its headline reason (the first): the stored one when there is one, else computed. */
export async function withHeadlineReasons<T extends CandidateJobPair & { reason: string | null }>(
  ctx: DbContext,
  rows: readonly T[],
): Promise<T[]> {
  const computed = await explainPairs(
    ctx,
    rows.filter((row) => row.reason === null),
  );
  return rows.map((row) =>
    row.reason === null
      ? {
          ...row,
          reason: computed.get(pairKey(row.candidate_id, row.job_posting_id))?.match_reasons[0] ?? null,
        }
      : row,
  );
}
