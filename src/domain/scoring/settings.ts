import { OUT_OF_REACH } from './location-score.js';
import type { ScoringSettings, ScoringWeights } from './types.js';

/**
 * Version of the scoring formulas. Stored next to every score so that scores computed by different formulas
 * are never compared or mixed: bump it on ANY change of a formula, constant, default weight or calibration.
 */
export const SCORING_VERSION = '2026-12-03.1';

/**
 * Default weights:
 * - skill .35: the declared skill overlap is the most direct, explainable evidence of fit for IT staffing.
 * - semantic .25: the embeddings see the whole profile and posting (role, domain, seniority words) and catch
 *   fits the skill lists miss, but they are less explainable and only rank well, so they weigh less.
 * - experience .15 and location .15: hard constraints in practice (a junior for a staff role, an onsite job
 *   in another country), but each is one number with coarse data behind it.
 * - salary .10: often unknown on one side (neutral then) and negotiable, so it nudges rather than decides.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoringWeights> = Object.freeze({
  skill: 0.35,
  semantic: 0.25,
  experience: 0.15,
  location: 0.15,
  salary: 0.1,
});

export const DEFAULT_SETTINGS: Readonly<ScoringSettings> = Object.freeze({
  weights: DEFAULT_WEIGHTS,
  recommendThreshold: 70,
});

const WEIGHT_KEYS = ['skill', 'experience', 'location', 'salary', 'semantic'] as const;
const SUM_TOLERANCE = 1e-6;

export function validateWeights(weights: ScoringWeights): { ok: true } | { ok: false; reason: string } {
  let sum = 0;
  for (const key of WEIGHT_KEYS) {
    const value = weights[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      return { ok: false, reason: `weight "${key}" must be a number between 0 and 1, got ${String(value)}` };
    }
    sum += value;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    return { ok: false, reason: `weights must sum to 1, got ${Number(sum.toFixed(6))}` };
  }
  return { ok: true };
}

/**
 * Recommended: the overall score reaches the threshold, and the job is one the candidate could take. An
 * on-site or hybrid job in a country the candidate neither lives in nor asks for is never recommended, however
 * well the rest fits (the location weight alone would let such a job through).
 */
export function isRecommended(
  matchScore: number,
  locationScore: number | null,
  settings: Pick<ScoringSettings, 'recommendThreshold'>,
): boolean {
  return (
    matchScore >= settings.recommendThreshold && (locationScore === null || locationScore > OUT_OF_REACH)
  );
}

/** Throws on settings no caller should pass (a programmer error, not bad data). */
export function assertValidSettings(settings: ScoringSettings): void {
  const result = validateWeights(settings.weights);
  if (!result.ok) throw new RangeError(`invalid scoring weights: ${result.reason}`);
  const threshold = settings.recommendThreshold;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
    throw new RangeError(`recommendThreshold must be between 0 and 100, got ${threshold}`);
  }
  for (const [model, calibration] of Object.entries(settings.semanticCalibrations ?? {})) {
    if (!(calibration.high > calibration.low)) {
      throw new RangeError(`semantic calibration for "${model}" needs low < high`);
    }
  }
}
