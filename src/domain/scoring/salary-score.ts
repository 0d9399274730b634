/**
 * Salary component: the job's annual range against the candidate's expected annual range, in the SAME
 * currency only (no exchange rates here: converting would need dated rates passed in).
 *
 * - The candidate's bar is their expected minimum (their maximum when only that is known); the job's reach is
 *   its maximum (its minimum when only that is known). Reach ≥ bar → 100: the job can pay the expectation,
 *   and paying more than expected is never penalized.
 * - Reach below bar → 100 - GAP_PENALTY x (bar - reach) / bar, floored at 0: 10% short → 80, 25% → 50,
 *   50% or more → 0. Proportional, so the same gap costs the same in any currency.
 * - Unknown on either side, or a missing or different currency → NEUTRAL_SCORE.
 */

import { clampScore, NEUTRAL_SCORE } from './score-scale.js';

const GAP_PENALTY = 200;

export interface SalaryRange {
  min: number | null;
  max: number | null;
  currency: string | null;
}

export type SalaryFit =
  | { kind: 'unknown' }
  /** Hourly pay on one side, an annual figure on the other: never compared by annualising. */
  | { kind: 'period-differs'; jobHourly: boolean }
  | { kind: 'currency-differs'; jobCurrency: string; expectedCurrency: string }
  | { kind: 'fits' | 'below'; currency: string; job: SalaryRange; expected: SalaryRange };

export interface SalaryMatch {
  score: number;
  fit: SalaryFit;
}

const UNKNOWN: SalaryMatch = { score: NEUTRAL_SCORE, fit: { kind: 'unknown' } };

function amount(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

function currencyCode(value: string | null | undefined): string | null {
  const trimmed = value?.trim().toUpperCase();
  return trimmed ? trimmed : null;
}

/** Cleans a range: non-positive amounts are unknown, a min above the max is read as swapped. */
export function salaryRange(
  min: number | null | undefined,
  max: number | null | undefined,
  currency: string | null | undefined,
): SalaryRange {
  let low = amount(min);
  let high = amount(max);
  if (low !== null && high !== null && low > high) [low, high] = [high, low];
  return { min: low, max: high, currency: currencyCode(currency) };
}

export function scoreSalary(job: SalaryRange, expected: SalaryRange): SalaryMatch {
  const reach = job.max ?? job.min;
  const bar = expected.min ?? expected.max;
  if (reach === null || bar === null) return UNKNOWN;
  if (job.currency === null || expected.currency === null) return UNKNOWN;
  if (job.currency !== expected.currency) {
    return {
      score: NEUTRAL_SCORE,
      fit: { kind: 'currency-differs', jobCurrency: job.currency, expectedCurrency: expected.currency },
    };
  }
  if (reach >= bar) return { score: 100, fit: { kind: 'fits', currency: job.currency, job, expected } };
  const score = clampScore(100 - (GAP_PENALTY * (bar - reach)) / bar);
  return { score, fit: { kind: 'below', currency: job.currency, job, expected } };
}
