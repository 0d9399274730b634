/**
 * A tenant's scoring settings: weights of the five components and the recommendation threshold.
 * Weights are stored with 3 decimals (the column is numeric(4,3)), so proposed weights are rounded to 3
 * decimals before they are checked to sum to 1.
 *
 * The preview recomputes a sample of the tenant's stored matches with proposed weights. The overall score is
 * the weighted sum of the stored component scores, so no pair is rescored: it is exact for matches stored
 * by the current scoring version and needs no candidate or job data.
 */

import type { DbContext } from '../db/database.js';
import {
  DEFAULT_SETTINGS,
  isRecommended,
  rescoreStored,
  type ScoringSettings,
  type ScoringWeights,
  validateWeights,
} from '../domain/scoring/index.js';
import { AppError } from '../errors.js';
import { loadTenantSettings } from './load-features.js';
import {
  bestStoredMatchComponents,
  markCandidatesStale,
  saveTenantSettings,
  storedListSettings,
  tenantCandidateIds,
} from './matching-queries.js';

export interface TenantSettingsView {
  weights: ScoringWeights;
  recommend_threshold: number;
  /** Suggested matches kept per candidate; null: the configured default (JOBMATCH_MATCH_BEST_N). */
  match_list_size: number | null;
  /** Lowest score a suggestion is kept at; null: the configured default (JOBMATCH_MATCH_FLOOR). */
  match_floor: number | null;
  /** False while the tenant runs on the defaults (no settings saved). */
  customized: boolean;
  updated_at: Date | null;
}

export interface SettingsInput {
  weights?: ScoringWeights;
  recommend_threshold?: number;
  /** null resets to the configured default; undefined keeps the current value. */
  match_list_size?: number | null;
  match_floor?: number | null;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const round2 = (n: number) => Math.round(n * 100) / 100;

function roundWeights(weights: ScoringWeights): ScoringWeights {
  return {
    skill: round3(weights.skill),
    experience: round3(weights.experience),
    location: round3(weights.location),
    salary: round3(weights.salary),
    semantic: round3(weights.semantic),
  };
}

/** The settings the input would produce on top of the current ones; 422 when they are invalid. */
export function resolveSettings(current: ScoringSettings, input: SettingsInput): ScoringSettings {
  const weights = input.weights ? roundWeights(input.weights) : current.weights;
  const check = validateWeights(weights);
  if (!check.ok) {
    throw new AppError('unprocessable', `Invalid weights: ${check.reason}.`, {
      errors: [{ field: 'body.weights', message: check.reason }],
    });
  }
  const threshold = input.recommend_threshold ?? current.recommendThreshold;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
    throw new AppError('unprocessable', 'recommend_threshold must be between 0 and 100.', {
      errors: [{ field: 'body.recommend_threshold', message: 'must be between 0 and 100' }],
    });
  }
  return { weights, recommendThreshold: round2(threshold) };
}

export async function getSettings(ctx: DbContext, tenantId: number): Promise<TenantSettingsView> {
  const settings = (await loadTenantSettings(ctx, [tenantId])).get(tenantId) ?? DEFAULT_SETTINGS;
  const rows = await storedListSettings(ctx, tenantId);
  return {
    weights: { ...settings.weights },
    recommend_threshold: settings.recommendThreshold,
    match_list_size: rows[0]?.match_list_size ?? null,
    match_floor:
      rows[0]?.match_floor === null || rows[0]?.match_floor === undefined
        ? null
        : Number(rows[0].match_floor),
    customized: rows.length > 0,
    updated_at: rows[0]?.updated_at ?? null,
  };
}

/**
 * Saves the settings and marks the tenant's candidates for a rescore with them (the refresh task); the
 * preview shows what would change.
 */
export async function updateSettings(
  ctx: DbContext,
  tenantId: number,
  input: SettingsInput,
  updatedBy: number | null = null,
): Promise<TenantSettingsView> {
  const current = (await loadTenantSettings(ctx, [tenantId])).get(tenantId) ?? DEFAULT_SETTINGS;
  const next = resolveSettings(current, input);
  const saved = await getSettings(ctx, tenantId);
  const listSize = input.match_list_size === undefined ? saved.match_list_size : input.match_list_size;
  const floor = input.match_floor === undefined ? saved.match_floor : input.match_floor;
  if (listSize !== null && (!Number.isInteger(listSize) || listSize < 0 || listSize > 1000)) {
    throw new AppError('unprocessable', 'match_list_size must be a whole number from 0 to 1000.', {
      errors: [{ field: 'body.match_list_size', message: 'must be 0-1000' }],
    });
  }
  if (floor !== null && (!Number.isFinite(floor) || floor < 0 || floor > 100)) {
    throw new AppError('unprocessable', 'match_floor must be between 0 and 100.', {
      errors: [{ field: 'body.match_floor', message: 'must be between 0 and 100' }],
    });
  }
  await saveTenantSettings(ctx, tenantId, next, {
    updatedBy,
    listSize,
    floor: floor === null ? null : round2(floor),
  });
  // Every stored score of the tenant depends on the weights: the refresh task rescores its candidates.
  await markCandidatesStale(ctx, await tenantCandidateIds(ctx, tenantId));
  return getSettings(ctx, tenantId);
}

export interface PreviewRow {
  match_id: number;
  candidate_id: number;
  job_posting_id: number;
  before: { match_score: number; is_recommended: boolean };
  after: { match_score: number; is_recommended: boolean };
}

export interface SettingsPreview {
  settings: { weights: ScoringWeights; recommend_threshold: number };
  sampled: number;
  recommended_before: number;
  recommended_after: number;
  mean_change: number;
  matches: PreviewRow[];
}

const PREVIEW_LIMIT_MAX = 500;

/** Before/after scores of the tenant's best stored matches (active jobs) under the proposed settings. */
export async function previewSettings(
  ctx: DbContext,
  tenantId: number,
  input: SettingsInput,
  sampleSize = 100,
): Promise<SettingsPreview> {
  const current = (await loadTenantSettings(ctx, [tenantId])).get(tenantId) ?? DEFAULT_SETTINGS;
  const next = resolveSettings(current, input);
  const rows = await bestStoredMatchComponents(
    ctx,
    tenantId,
    Math.max(1, Math.min(PREVIEW_LIMIT_MAX, Math.trunc(sampleSize))),
  );
  const w = next.weights;
  const numberOrNull = (value: number | null) => (value === null ? null : Number(value));
  const matches = rows.map((row): PreviewRow => {
    const score = rescoreStored(
      {
        skill: numberOrNull(row.skill_match_score),
        experience: numberOrNull(row.experience_match_score),
        location: numberOrNull(row.location_match_score),
        salary: numberOrNull(row.salary_match_score),
        semantic: numberOrNull(row.semantic_similarity),
        matchedSkills: Number(row.matched_count),
        jobSkills: Number(row.skill_count),
      },
      next,
    );
    return {
      match_id: row.id,
      candidate_id: row.candidate_id,
      job_posting_id: row.job_posting_id,
      before: { match_score: Number(row.match_score), is_recommended: row.is_recommended ?? false },
      after: {
        match_score: score,
        is_recommended: isRecommended(score, numberOrNull(row.location_match_score), next),
      },
    };
  });
  const totalChange = matches.reduce((sum, m) => sum + (m.after.match_score - m.before.match_score), 0);
  return {
    settings: { weights: w, recommend_threshold: next.recommendThreshold },
    sampled: matches.length,
    recommended_before: matches.filter((m) => m.before.is_recommended).length,
    recommended_after: matches.filter((m) => m.after.is_recommended).length,
    mean_change: matches.length === 0 ? 0 : round2(totalChange / matches.length),
    matches,
  };
}
