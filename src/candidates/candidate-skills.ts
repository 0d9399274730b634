import { normalizeSkillInput } from '../domain/skill-input.js';
import type { SkillMatcher } from '../domain/skills.js';

/** The candidate's skills as stored and scored, from what a recruiter typed or pasted. */
export function candidateSkillList(matcher: SkillMatcher, items: readonly string[]): string[] {
  return normalizeSkillInput(matcher, items);
}
