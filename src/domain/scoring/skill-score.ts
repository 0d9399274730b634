/**
 * Skill component: how much of the job's skill list the candidate covers.
 *
 * - Skills compare case-insensitively on their canonical names (trimmed).
 * - Weighted coverage: required skills (when the posting marks any) weigh REQUIRED_WEIGHT, others 1.
 * - Curve: coverage^COVERAGE_EXPONENT is concave, so partial matches get real credit (half the weight
 *   covered gives ~59 before the depth bonus, not 50). The remaining gap to 100 then shrinks by up to DEPTH_BONUS as the number of
 *   matched skills grows to DEPTH_SATURATION: 4 of 8 skills is stronger evidence than 1 of 2. Full coverage
 *   is 100, none is 0, and adding a matched skill never lowers the score.
 * - A job listing no skills gives NEUTRAL_SCORE, but the component then has no evidence (`skillEvidence`) and
 *   no weight in the match score: nothing to compare is neither a match nor a mismatch.
 */

import { NEUTRAL_SCORE } from './score-scale.js';

export const REQUIRED_WEIGHT = 2;
/** A skill the title names is what the job is about ("Java Developer", "Power BI Developer"). */
export const TITLE_WEIGHT = 4;
/** A posting naming this many skills or more is full evidence; fewer known skills weigh proportionally less. */
export const FULL_STACK_SKILLS = 4;
const COVERAGE_EXPONENT = 0.75;
const DEPTH_BONUS = 0.15;
const DEPTH_SATURATION = 5;

export interface JobSkill {
  /** As the job spells it. */
  name: string;
  key: string;
  weight: number;
  /** How much sharing this skill says (skill-specificity.ts), 0..1. */
  specificity: number;
  /** The skill's dictionary category, or null. */
  category: string | null;
  /** The share of the weight a candidate with another skill of the category covers (0 without category). */
  relatedShare: number;
  required: boolean;
}

export interface JobSkillProfile {
  /** Deduplicated, in job order; required skills absent from the job's list are appended. */
  skills: JobSkill[];
  totalWeight: number;
}

export interface SkillMatch {
  score: number;
  matchedWeight: number;
  /** Job order, as the job spells them. */
  matchedNames: string[];
  missing: JobSkill[];
  missingNames: string[];
}

export function skillKey(name: string): string {
  return name.trim().toLowerCase();
}

export function skillKeySet(names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const key = skillKey(name);
    if (key !== '') keys.add(key);
  }
  return keys;
}

/** Lower-case runs of letters, digits and the symbols of technology names, for "does the title name it". */
function titleTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}+#]+/gu) ?? [];
}

/** Whether the title names the skill: its tokens appear in order, as whole tokens. */
export function titleNames(title: readonly string[], skillName: string): boolean {
  const wanted = titleTokens(skillName);
  if (wanted.length === 0) return false;
  outer: for (let i = 0; i + wanted.length <= title.length; i++) {
    for (let j = 0; j < wanted.length; j++) if (title[i + j] !== wanted[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The job's skills with their weights: title, required or plain, times the skill's specificity (see
 * skill-specificity.ts; 1 for every skill when none is given), so common skills count for less of the stack.
 */
export interface SkillWeighing {
  specificity(key: string): number;
  category(key: string): string | null;
  /** How much sharing the category says, 0..1. */
  categorySpecificity(category: string): number;
}

export const PLAIN_WEIGHING: SkillWeighing = {
  specificity: () => 1,
  category: () => null,
  categorySpecificity: () => 0,
};

/**
 * A candidate without a job skill but with another of its category ("Tosca" for "Selenium", "SAP" for
 * "Salesforce") covers this share of the skill's weight, times the category's specificity: a shared
 * "Programming language" says little, a shared "Testing tool" more.
 */
export const RELATED_SHARE = 0.5;

export function jobSkillProfile(
  skills: readonly string[],
  requiredSkills?: readonly string[],
  title = '',
  weighing: SkillWeighing = PLAIN_WEIGHING,
): JobSkillProfile {
  const inTitle = titleTokens(title);
  const required = skillKeySet(requiredSkills ?? []);
  const seen = new Set<string>();
  const out: JobSkill[] = [];
  let totalWeight = 0;
  for (const name of [...skills, ...(requiredSkills ?? [])]) {
    const key = skillKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const isRequired = required.has(key);
    const base = titleNames(inTitle, name) ? TITLE_WEIGHT : isRequired ? REQUIRED_WEIGHT : 1;
    const specificity = weighing.specificity(key);
    const category = weighing.category(key);
    const relatedShare = category === null ? 0 : RELATED_SHARE * weighing.categorySpecificity(category);
    const weight = base * specificity;
    out.push({ name: name.trim(), key, weight, specificity, category, relatedShare, required: isRequired });
    totalWeight += weight;
  }
  return { skills: out, totalWeight };
}

/** The curve, from the weight the candidate covers. Exported so improvements re-score hypothetical skills. */
export function skillScoreFromCoverage(
  matchedWeight: number,
  totalWeight: number,
  matchedDepth: number,
): number {
  if (totalWeight <= 0) return NEUTRAL_SCORE;
  const coverage = Math.min(1, matchedWeight / totalWeight);
  const base = coverage ** COVERAGE_EXPONENT;
  const depth = Math.min(matchedDepth, DEPTH_SATURATION) / DEPTH_SATURATION;
  return 100 * (1 - (1 - base) * (1 - DEPTH_BONUS * depth));
}

/**
 * How much the skill component knows, 0..1: nothing when either side lists no skills; a posting where one
 * skill was detected says little about its stack (1/FULL_STACK_SKILLS), one listing four or more says enough.
 */
export function skillEvidence(candidateSkillCount: number, job: JobSkillProfile): number {
  if (candidateSkillCount === 0 || job.skills.length === 0) return 0;
  return Math.min(1, job.skills.length / FULL_STACK_SKILLS);
}

/** Matched skill count and score: the hot path of batch scoring. */
const NO_CATEGORIES: ReadonlySet<string> = new Set();

/** The weight a candidate covers of one job skill: all when they have it, a share when they have its kind. */
function coveredWeight(
  skill: JobSkill,
  candidateKeys: ReadonlySet<string>,
  candidateCategories: ReadonlySet<string>,
): number {
  if (candidateKeys.has(skill.key)) return skill.weight;
  return skill.category !== null && candidateCategories.has(skill.category)
    ? skill.weight * skill.relatedShare
    : 0;
}

export function skillOverlap(
  candidateKeys: ReadonlySet<string>,
  job: JobSkillProfile,
  candidateCategories: ReadonlySet<string> = NO_CATEGORIES,
): { score: number; matchedCount: number } {
  let matchedWeight = 0;
  let matchedCount = 0;
  let matchedDepth = 0;
  for (const skill of job.skills) {
    matchedWeight += coveredWeight(skill, candidateKeys, candidateCategories);
    if (candidateKeys.has(skill.key)) {
      matchedCount++;
      matchedDepth += skill.specificity;
    }
  }
  return { score: skillScoreFromCoverage(matchedWeight, job.totalWeight, matchedDepth), matchedCount };
}

/** Score only. */
export function skillScore(
  candidateKeys: ReadonlySet<string>,
  job: JobSkillProfile,
  candidateCategories: ReadonlySet<string> = NO_CATEGORIES,
): number {
  return skillOverlap(candidateKeys, job, candidateCategories).score;
}

export function matchSkills(
  candidateKeys: ReadonlySet<string>,
  job: JobSkillProfile,
  candidateCategories: ReadonlySet<string> = NO_CATEGORIES,
): SkillMatch {
  const matchedNames: string[] = [];
  const missing: JobSkill[] = [];
  const missingNames: string[] = [];
  let matchedWeight = 0;
  let matchedDepth = 0;
  for (const skill of job.skills) {
    matchedWeight += coveredWeight(skill, candidateKeys, candidateCategories);
    if (candidateKeys.has(skill.key)) {
      matchedDepth += skill.specificity;
      matchedNames.push(skill.name);
    } else {
      missing.push(skill);
      missingNames.push(skill.name);
    }
  }
  const score = skillScoreFromCoverage(matchedWeight, job.totalWeight, matchedDepth);
  return { score, matchedWeight, matchedNames, missing, missingNames };
}
