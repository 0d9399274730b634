/**
 * The one change that would raise a pair's score the most, found by re-scoring with each of the heaviest
 * missing job skills added to the candidate. Only the skill component depends on skills, so the other
 * component scores and their evidence are reused as they are. One piece of advice, with one number: the
 * match score after the change, as the score itself is shown.
 *
 * Adding a skill raises the score by an amount that grows with the skill's weight and nothing else (the
 * matched count rises by one either way), so the best candidate is the heaviest missing skill, the job's
 * first-listed winning ties.
 */

import { type Combined, type ComponentEvidence, type ComponentScores, combineComponents } from './components.js';
import { discountWithoutFit, fitEvidence } from './fit-evidence.js';
import { round2 } from './score-scale.js';
import {
  FULL_STACK_SKILLS,
  type JobSkill,
  type JobSkillProfile,
  type SkillMatch,
  skillScoreFromCoverage,
} from './skill-score.js';
import type { Improvement, ScoringWeights } from './types.js';

/** Smaller gains are noise to a recruiter. */
const MIN_GAIN = 1;

function heaviest(missing: readonly JobSkill[]): JobSkill | undefined {
  let best: JobSkill | undefined;
  for (const skill of missing) if (best === undefined || skill.weight > best.weight) best = skill;
  return best;
}

export function skillImprovements(
  skills: SkillMatch,
  job: JobSkillProfile,
  evaluation: Combined & { components: ComponentScores; evidence: ComponentEvidence },
  weights: ScoringWeights,
): Improvement[] {
  const skill = heaviest(skills.missing);
  if (skill === undefined) return [];
  const skillScore = skillScoreFromCoverage(
    skills.matchedWeight + skill.weight,
    job.totalWeight,
    skills.matchedNames.length + 1,
  );
  // With the skill added the candidate lists at least one skill, so the posting's stack is evidence.
  const evidence = { ...evaluation.evidence, skill: Math.min(1, job.skills.length / FULL_STACK_SKILLS) };
  const combined = combineComponents(evaluation.components, evidence, weights, round2(skillScore));
  const semantic = evaluation.evidence.semantic > 0 ? evaluation.components.semantic : null;
  const newScore = discountWithoutFit(combined.match_score, fitEvidence(skills.matchedNames.length + 1, semantic));
  return newScore - evaluation.match_score >= MIN_GAIN ? [{ action: `adding ${skill.name}`, newScore }] : [];
}
