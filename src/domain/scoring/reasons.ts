/**
 * Short sentences a recruiter reads next to a score. Each component contributes at most two; they are
 * ordered by how far that component moved the overall score away from neutral (weight x |score - 50|), so
 * what decided the score comes first. Neutral components say nothing, except a salary in another currency,
 * which a recruiter should know was not compared.
 */

import type { ComponentScores } from './components.js';
import type { ExperienceMatch } from './experience-score.js';
import { improvementReason } from './improvements.js';
import type { LocationMatch } from './location-score.js';
import { formatMoneyRange } from './money-format.js';
import type { SalaryMatch, SalaryRange } from './salary-score.js';
import { NEUTRAL_SCORE } from './score-scale.js';
import type { SemanticMatch } from './semantic-score.js';
import type { JobSkill, SkillMatch } from './skill-score.js';
import type { Improvement, Place, ScoringWeights, WorkArrangement } from './types.js';

const MAX_COMPONENT_REASONS = 5;
const MAX_LISTED_SKILLS = 5;
const STRONG = 75;
const PARTIAL = 45;
const SEMANTIC_STRONG = 70;
const SEMANTIC_MODERATE = 40;
/** Keeps a salary in another currency on the list, after everything that moved the score. */
const NOT_COMPARED_IMPACT = 0.01;

export interface ReasonInput {
  components: ComponentScores;
  weights: ScoringWeights;
  skills: SkillMatch;
  experience: ExperienceMatch;
  location: LocationMatch;
  arrangement: WorkArrangement | null;
  salary: SalaryMatch;
  semantic: SemanticMatch;
  improvements: Improvement[];
}

function listSkills(names: readonly string[], required?: readonly boolean[]): string {
  let text = '';
  const shown = Math.min(names.length, MAX_LISTED_SKILLS);
  for (let i = 0; i < shown; i++) {
    if (i > 0) text += ', ';
    text += required?.[i] ? `${names[i]} (required)` : names[i];
  }
  return names.length > shown ? `${text} +${names.length - shown} more` : text;
}

function years(value: number): string {
  const text = String(Math.round(value * 10) / 10);
  return text === '1' ? '1 year' : `${text} years`;
}

function jobAsks(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? `${min}` : `${min}-${max}`;
  return min !== null ? `${min}+` : `up to ${max}`;
}

function placeName(place: Place): string {
  let text = '';
  for (const part of [place.city, place.region, place.country]) {
    if (part !== null) text += text === '' ? part : `, ${part}`;
  }
  return text;
}

function skillReasons({ skills }: ReasonInput): (string | null)[] {
  const matched = skills.matchedNames.length;
  const total = matched + skills.missing.length;
  if (total === 0) return [];
  const count = `(${matched}/${total})`;
  let summary: string;
  if (matched === 0) summary = `No matching skills ${count}`;
  else {
    const label = skills.score >= STRONG ? 'Strong' : skills.score >= PARTIAL ? 'Partial' : 'Weak';
    summary = `${label} skill match ${count}: ${listSkills(skills.matchedNames)}`;
  }
  if (skills.missing.length === 0) return [summary];
  const required = skills.missing.map(isRequired);
  return [summary, `Missing: ${listSkills(skills.missingNames, required)}`];
}

function isRequired(skill: JobSkill): boolean {
  return skill.required;
}

function experienceReason({ experience }: ReasonInput): string | null {
  const { fit, years: candidateYears, min, max } = experience;
  if (fit === 'unknown' || candidateYears === null) return null;
  const asks = jobAsks(min, max);
  switch (fit) {
    case 'short':
      return `${years(experience.shortBy)} short of the ${min} required`;
    case 'overqualified':
      return `Over-qualified: ${years(candidateYears)} (job asks ${asks})`;
    default:
      return `Experience fits: ${years(candidateYears)} (job asks ${asks})`;
  }
}

function locationReason({ location, arrangement }: ReasonInput): string | null {
  const fit = location.fit;
  const suffix = arrangement === null ? '' : ` (${arrangement})`;
  switch (fit.kind) {
    case 'unknown':
      return null;
    case 'remote':
      return 'Remote role';
    case 'remote-not-open':
      return 'Remote role; candidate not open to remote';
    case 'remote-other-country':
      return `Remote role based in ${fit.jobCountry}; candidate in ${fit.candidateCountry}`;
  }
  const where = placeName(fit.place);
  switch (fit.proximity) {
    case 'city':
      return fit.kind === 'residence'
        ? `Same city: ${fit.place.city}${suffix}`
        : `Preferred location: ${fit.place.city}${suffix}`;
    case 'region':
      return fit.kind === 'residence'
        ? `Same region: ${fit.place.region}${suffix}`
        : `Preferred region: ${fit.place.region}${suffix}`;
    case 'country':
      return `Same country, other city: job in ${where}${suffix}`;
    case 'elsewhere':
      return `Location mismatch: job in ${where}${suffix}`;
  }
}

/** "$160K" or "$160K-$180K": a candidate's single figure is their expectation, not a floor. */
function expectation(range: SalaryRange): string {
  if (range.min !== null && range.max !== null) return formatMoneyRange(range.min, range.max, range.currency);
  return formatMoneyRange(range.min ?? range.max, range.min ?? range.max, range.currency);
}

function salaryReason({ salary }: ReasonInput): string | null {
  const fit = salary.fit;
  switch (fit.kind) {
    case 'unknown':
      return null;
    case 'currency-differs':
      return `Salary not comparable: job in ${fit.jobCurrency}, expects ${fit.expectedCurrency}`;
    case 'fits':
      return `Salary fits: job ${formatMoneyRange(fit.job.min, fit.job.max, fit.currency)}, expects ${expectation(fit.expected)}`;
    case 'below': {
      const jobTop = formatMoneyRange(null, fit.job.max ?? fit.job.min, fit.currency);
      return `Salary below expectation: job ${jobTop}, expects ${expectation(fit.expected)}`;
    }
  }
}

function semanticReason({ semantic }: ReasonInput): string | null {
  if (semantic.cosine === null) return null;
  const label =
    semantic.score >= SEMANTIC_STRONG ? 'strong' : semantic.score >= SEMANTIC_MODERATE ? 'moderate' : 'weak';
  return `Semantic fit: ${label}`;
}

interface ReasonGroup {
  texts: (string | null)[];
  /** How far the component moved the overall score from neutral: weight x |score - 50|. */
  impact: number;
}

function impact(input: ReasonInput, key: keyof ScoringWeights): number {
  return input.weights[key] * Math.abs(input.components[key] - NEUTRAL_SCORE);
}

function byImpact(a: ReasonGroup, b: ReasonGroup): number {
  return b.impact - a.impact;
}

export function buildReasons(input: ReasonInput): string[] {
  // The missing skills stay right after the skill summary: together they read as one finding.
  const groups: ReasonGroup[] = [
    { texts: skillReasons(input), impact: impact(input, 'skill') },
    { texts: [experienceReason(input)], impact: impact(input, 'experience') },
    { texts: [locationReason(input)], impact: impact(input, 'location') },
    { texts: [salaryReason(input)], impact: Math.max(impact(input, 'salary'), NOT_COMPARED_IMPACT) },
    { texts: [semanticReason(input)], impact: impact(input, 'semantic') },
  ].sort(byImpact);
  const reasons: string[] = [];
  for (const group of groups) {
    for (const text of group.texts) {
      if (text !== null && reasons.length < MAX_COMPONENT_REASONS) reasons.push(text);
    }
  }
  const best = input.improvements[0];
  if (best !== undefined) reasons.push(improvementReason(best));
  return reasons;
}
