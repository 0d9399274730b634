/**
 * Experience component: the candidate's total years against the job's [min, max].
 *
 * - Inside the range (max null = open ended; min null = 0) → 100.
 * - Short by s years → 100 * exp(-s² / (2 * SHORTFALL_SIGMA²)): flat near the minimum (half a year short
 *   barely matters: 98), then ~-15 to -25 per year (1 → 92, 2 → 73, 3 → 49, 4 → 28, 5 → 14), reaching ~0
 *   by 8 years short. A Gaussian rather than a straight line so a fraction of a year causes no kink.
 * - Over-qualification starts OVERQUALIFIED_MARGIN_OVER_MAX years above max, or OVERQUALIFIED_MARGIN_OVER_MIN
 *   above min when the job has no max; beyond that the score eases down towards OVERQUALIFIED_FLOOR (mild:
 *   senior people do take such roles, but retention and budget make it a weaker fit).
 * - Unknown candidate years, or a job with neither bound → NEUTRAL_SCORE. Negative or non-finite numbers are
 *   unknown; a min above the max is read as swapped.
 */

import { NEUTRAL_SCORE } from './score-scale.js';

const SHORTFALL_SIGMA = 2.5;
const OVERQUALIFIED_MARGIN_OVER_MAX = 5;
const OVERQUALIFIED_MARGIN_OVER_MIN = 10;
const OVERQUALIFIED_FLOOR = 70;
/** Years over the margin at which about 63% of the over-qualification penalty applies. */
const OVERQUALIFIED_SCALE = 4;

export type ExperienceFit = 'unknown' | 'inside' | 'short' | 'above' | 'overqualified';

export interface ExperienceMatch {
  score: number;
  fit: ExperienceFit;
  years: number | null;
  min: number | null;
  max: number | null;
  /** Years short of min (fit 'short'). */
  shortBy: number;
}

function knownYears(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

export function scoreExperience(
  candidateYears: number | null,
  jobMin: number | null,
  jobMax: number | null,
): ExperienceMatch {
  const years = knownYears(candidateYears);
  let min = knownYears(jobMin);
  let max = knownYears(jobMax);
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  const result: ExperienceMatch = { score: NEUTRAL_SCORE, fit: 'unknown', years, min, max, shortBy: 0 };
  if (years === null || (min === null && max === null)) return result;

  const floor = min ?? 0;
  if (years < floor) {
    const shortBy = floor - years;
    result.fit = 'short';
    result.shortBy = shortBy;
    result.score = 100 * Math.exp(-(shortBy * shortBy) / (2 * SHORTFALL_SIGMA * SHORTFALL_SIGMA));
    return result;
  }
  const overqualifiedFrom =
    max !== null ? max + OVERQUALIFIED_MARGIN_OVER_MAX : floor + OVERQUALIFIED_MARGIN_OVER_MIN;
  if (years > overqualifiedFrom) {
    const over = years - overqualifiedFrom;
    result.fit = 'overqualified';
    result.score = 100 - (100 - OVERQUALIFIED_FLOOR) * (1 - Math.exp(-over / OVERQUALIFIED_SCALE));
    return result;
  }
  result.fit = max !== null && years > max ? 'above' : 'inside';
  result.score = 100;
  return result;
}
