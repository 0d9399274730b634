/**
 * The changes that would raise a pair's score the most, found by re-scoring with each missing job skill
 * added to the candidate, one at a time. Only the skill component depends on skills, so the other four
 * component scores are reused as they are.
 *
 * Adding a skill raises the score by an amount that grows with the skill's weight and nothing else (the
 * matched count rises by one either way), so the best candidates are the heaviest missing skills, the
 * job's first-listed winning ties; only those are re-scored.
 */

import { type ComponentScores, weightedScore } from './components.js';
import { round2 } from './score-scale.js';
import {
  type JobSkill,
  type JobSkillProfile,
  type SkillMatch,
  skillScoreFromCoverage,
} from './skill-score.js';
import type { Improvement, ScoringWeights } from './types.js';

const MAX_IMPROVEMENTS = 2;
/** Smaller gains are noise to a recruiter. */
const MIN_GAIN = 1;

/** The heaviest missing skills, in job order among equals. */
function heaviest(missing: readonly JobSkill[], count: number): JobSkill[] {
  const picked: JobSkill[] = [];
  for (const skill of missing) {
    let at = picked.length;
    while (at > 0 && picked[at - 1]!.weight < skill.weight) at--;
    if (at < count) {
      picked.splice(at, 0, skill);
      if (picked.length > count) picked.pop();
    }
  }
  return picked;
}

export function skillImprovements(
  skills: SkillMatch,
  job: JobSkillProfile,
  components: ComponentScores,
  weights: ScoringWeights,
): Improvement[] {
  const improvements: Improvement[] = [];
  if (skills.missing.length === 0) return improvements;
  const current = weightedScore(components, weights);
  const matchedCount = skills.matchedNames.length;
  for (const skill of heaviest(skills.missing, MAX_IMPROVEMENTS)) {
    const skillScore = skillScoreFromCoverage(
      skills.matchedWeight + skill.weight,
      job.totalWeight,
      matchedCount + 1,
    );
    const newScore = weightedScore(components, weights, round2(skillScore));
    if (newScore - current >= MIN_GAIN) improvements.push({ action: `adding ${skill.name}`, newScore });
  }
  return improvements;
}

export function improvementReason(improvement: Improvement): string {
  const action = improvement.action.charAt(0).toUpperCase() + improvement.action.slice(1);
  return `${action} would raise the score to ${Math.round(improvement.newScore)}`;
}
