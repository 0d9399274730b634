/** Whether a pair shows positive evidence that the candidate does this kind of work at all. Pure. */

import { round2 } from './score-scale.js';
import type { FitEvidence } from './types.js';

/**
 * Three matched skills are evidence of fit on their own; two are when they cover a good part of the posting's
 * stack (two common ones, SQL and Excel, in a long list are not); one is when the texts agree at least
 * moderately.
 */
export const FIT_MIN_MATCHED_SKILLS = 3;
/** Skill score (weighted coverage) at which two matched skills are evidence of fit. */
export const FIT_PAIR_SKILL_SCORE = 50;
/** Semantic score that, beside a matched skill, is evidence of fit. */
export const FIT_SEMANTIC_SUPPORT = 35;
/** Semantic score that alone is evidence of fit (the same kind of job in other words). */
export const FIT_SEMANTIC_STRONG = 60;

/**
 * The pure decision whether a pair may be stored or recommended: only with positive evidence of fit, skill
 * overlap (three skills, two covering much of the stack, or one with moderate semantic agreement) or strong semantic similarity. A posting
 * outside the candidate's field shares no skills and reads differently, so it has neither.
 */
export function fitEvidence(
  matchedSkillCount: number,
  skillScore: number | null,
  semanticScore: number | null,
): FitEvidence {
  if (matchedSkillCount >= FIT_MIN_MATCHED_SKILLS) return 'skills';
  if (matchedSkillCount >= 2 && skillScore !== null && skillScore >= FIT_PAIR_SKILL_SCORE) return 'skills';
  if (matchedSkillCount >= 1 && semanticScore !== null && semanticScore >= FIT_SEMANTIC_SUPPORT)
    return 'skills';
  if (semanticScore !== null && semanticScore >= FIT_SEMANTIC_STRONG) return 'semantic';
  return null;
}

/**
 * A pair without positive evidence of fit keeps only this share of its score: whatever its level, place or
 * pay, it is not shown as a match, and it ranks below pairs that are.
 */
export const NO_FIT_SHARE = 0.6;

export function discountWithoutFit(score: number, fit: FitEvidence): number {
  return fit === null ? round2(score * NO_FIT_SHARE) : score;
}
