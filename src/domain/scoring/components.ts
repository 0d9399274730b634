import { round2 } from './score-scale.js';
import type { ScoringWeights } from './types.js';

/** The five component scores (0-100, 2 decimals), keyed like the weights. */
export type ComponentScores = Record<keyof ScoringWeights, number>;

/**
 * The overall match score: the weighted sum of the rounded components, so stored values add up.
 * `skill` replaces the skill component, to re-score a hypothetical skill set.
 */
export function weightedScore(
  components: ComponentScores,
  weights: ScoringWeights,
  skill: number = components.skill,
): number {
  return round2(
    skill * weights.skill +
      components.experience * weights.experience +
      components.location * weights.location +
      components.salary * weights.salary +
      components.semantic * weights.semantic,
  );
}
