/**
 * The one change that would raise a pair's score the most: adding the heaviest missing job skill (the job's
 * first-listed winning ties), re-scored exactly by the caller. One piece of advice, with one number: the match
 * score after the change, as the score itself is shown.
 */

import type { JobSkill, SkillMatch } from './skill-score.js';
import type { Improvement } from './types.js';

/** Smaller gains are noise to a recruiter. */
const MIN_GAIN = 1;

function heaviest(missing: readonly JobSkill[]): JobSkill | undefined {
  let best: JobSkill | undefined;
  for (const skill of missing) if (best === undefined || skill.weight > best.weight) best = skill;
  return best;
}

export function skillImprovements(
  skills: SkillMatch,
  currentScore: number,
  scoreWithSkill: (skill: JobSkill) => number,
): Improvement[] {
  const skill = heaviest(skills.missing);
  if (skill === undefined) return [];
  const newScore = scoreWithSkill(skill);
  return newScore - currentScore >= MIN_GAIN ? [{ action: `adding ${skill.name}`, newScore }] : [];
}
