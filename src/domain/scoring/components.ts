import { round2 } from './score-scale.js';
import type { ScoringWeights } from './types.js';

export type ComponentKey = keyof ScoringWeights;
export const COMPONENT_KEYS: readonly ComponentKey[] = [
  'skill',
  'experience',
  'location',
  'salary',
  'semantic',
];

/** The five component scores (0-100, 2 decimals), keyed like the weights. */
export type ComponentScores = Record<ComponentKey, number>;

/**
 * How much each component knows, 0..1: 0 = no evidence (nothing to compare on one side), 1 = full evidence.
 * The skill component knows less when the posting names only a few skills (see `skillEvidence`).
 */
export type ComponentEvidence = Record<ComponentKey, number>;

export interface Combined {
  match_score: number;
  /** The share of the total weight backed by evidence, 0..1. */
  confidence: number;
  /** Components with any evidence. */
  signals: number;
}

/** The components that say whether the candidate does this kind of work at all. */
export const FIT_KEYS: readonly ComponentKey[] = ['skill', 'semantic'];
/** The components that say whether this particular job suits them: level, place, pay. */
export const CONDITION_KEYS: readonly ComponentKey[] = ['experience', 'location', 'salary'];

/**
 * The overall match score, from the rounded components and their evidence:
 * - Fit (skill, semantic) always carries its full weight: a component without evidence hands its weight to
 *   the other fit component, never to the conditions, so a posting nobody can compare skills with is not
 *   lifted by a matching city or level. Neither with evidence: fit is 0.
 * - A condition (experience, location, salary) without evidence gets no weight at all: an unknown salary is
 *   not a half match. Its weight goes to the rest in proportion.
 * `skill` replaces the skill component, to re-score a hypothetical skill set.
 */
export function combineComponents(
  components: ComponentScores,
  evidence: ComponentEvidence,
  weights: ScoringWeights,
  skill: number = components.skill,
): Combined {
  const score = (key: ComponentKey) => (key === 'skill' ? skill : components[key]);
  let fitWeight = 0;
  let fitBacked = 0;
  let fitSum = 0;
  for (const key of FIT_KEYS) {
    fitWeight += weights[key];
    fitBacked += weights[key] * evidence[key];
    fitSum += weights[key] * evidence[key] * score(key);
  }
  let conditionBacked = 0;
  let conditionSum = 0;
  for (const key of CONDITION_KEYS) {
    conditionBacked += weights[key] * evidence[key];
    conditionSum += weights[key] * evidence[key] * score(key);
  }
  const fit = fitBacked > 0 ? fitSum / fitBacked : 0;
  const total = fitWeight + conditionBacked;
  const match = total > 0 ? (fitWeight * fit + conditionSum) / total : 0;
  let signals = 0;
  for (const key of COMPONENT_KEYS) if (evidence[key] > 0) signals++;
  return {
    match_score: round2(match),
    confidence: round2(fitBacked + conditionBacked),
    signals,
  };
}
