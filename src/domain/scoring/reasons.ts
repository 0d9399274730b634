/**
 * Short sentences a recruiter reads next to a score. Each component contributes at most two; they are
 * ordered by how far that component moved the overall score away from the middle (weight x evidence x
 * |score - 50|), so what decided the score comes first. Components without evidence say nothing, except a
 * salary in another currency, which a recruiter should know was not compared. The last line says how many
 * signals the score rests on; a pair without positive evidence of fit says so first. The one improvement is
 * not repeated here: it is shown as advice with its own number.
 */

import { COMPONENT_KEYS } from './components.js';
import { type DistanceBand, formatDistance } from './distance.js';
import type { ExperienceMatch } from './experience-score.js';
import { formatMoneyRange } from './money-format.js';
import type { SalaryRange } from './salary-score.js';
import type { PairEvaluation } from './score-match.js';
import type { Level, SeniorityMatch } from './seniority.js';
import { FULL_STACK_SKILLS, type JobSkill, type SkillMatch } from './skill-score.js';
import { employmentKindLabel } from './terms.js';
import type { Place, ScoringWeights, WorkArrangement } from './types.js';

const MAX_COMPONENT_REASONS = 8;
const MAX_LISTED_SKILLS = 5;
const STRONG = 75;
const PARTIAL = 45;
const SEMANTIC_STRONG = 70;
const SEMANTIC_MODERATE = 40;
/** Keeps a salary in another currency on the list, after everything that moved the score. */
const NOT_COMPARED_IMPACT = 0.01;

const MIDDLE = 50;

export interface ReasonInput {
  evaluation: PairEvaluation;
  weights: ScoringWeights;
  skills: SkillMatch;
  arrangement: WorkArrangement | null;
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
  const thin =
    total < FULL_STACK_SKILLS ? `; only ${total} skill${total === 1 ? '' : 's'} known for the job` : '';
  let summary: string;
  if (matched === 0) summary = `No matching skills ${count}${thin}`;
  else {
    const label =
      skills.score >= STRONG && thin === '' ? 'Strong' : skills.score >= PARTIAL ? 'Partial' : 'Weak';
    summary = `${label} skill match ${count}: ${listSkills(skills.matchedNames)}${thin}`;
  }
  if (skills.missing.length === 0) return [summary];
  const required = skills.missing.map(isRequired);
  return [summary, `Missing: ${listSkills(skills.missingNames, required)}`];
}

function isRequired(skill: JobSkill): boolean {
  return skill.required;
}

function levelName(level: Level): string {
  return level === 'mid' ? 'mid-level' : level;
}

function seniorityReason(seniority: SeniorityMatch): string | null {
  const fit = seniority.fit;
  if (fit.kind === 'unknown') return null;
  const job = `${levelName(fit.job.level)} role`;
  const candidate = `candidate ${levelName(fit.candidate.level)} (by ${fit.candidate.source})`;
  if (fit.kind === 'fits') return `Level fits: ${job}, ${candidate}`;
  return fit.kind === 'over'
    ? `Over-qualified for a ${job}: ${candidate}`
    : `Under-qualified for a ${job}: ${candidate}`;
}

function experienceReason({ evaluation }: ReasonInput): string | null {
  const experience: ExperienceMatch = evaluation.experience;
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

function locationReason(input: ReasonInput): string | null {
  const base = placeReason(input);
  const note = input.evaluation.location.note;
  if (note === undefined) return base;
  return base === null ? note.charAt(0).toUpperCase() + note.slice(1) : `${base}; ${note}`;
}

const ARRANGEMENT_WORDS: Readonly<Record<WorkArrangement, string>> = {
  onsite: 'on-site',
  hybrid: 'hybrid',
  remote: 'remote',
};

/** "On-site in Chicago, 2,790 km from Seattle", with the band first when within reach. */
function distanceReason(
  place: Place,
  distance: { km: number; from: Place; band: DistanceBand; radiusKm: number },
  arrangement: WorkArrangement | null,
): string {
  const what = arrangement === null ? 'job' : ARRANGEMENT_WORDS[arrangement];
  const from = distance.from.city ?? placeName(distance.from);
  const text = `${what} in ${place.city ?? placeName(place)}, ${formatDistance(distance.km)} from ${from}`;
  const radius = `${formatDistance(distance.radiusKm)} commute radius`;
  switch (distance.band) {
    case 'commute':
      return `Within the ${radius}: ${text}`;
    case 'long-commute':
      return `Beyond the ${radius}: ${text}`;
    case 'relocation':
      return text.charAt(0).toUpperCase() + text.slice(1);
  }
}

function placeReason({ evaluation, arrangement }: ReasonInput): string | null {
  const fit = evaluation.location.fit;
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
  if (fit.distance !== undefined) return distanceReason(fit.place, fit.distance, arrangement);
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

function termsReason({ evaluation }: ReasonInput): string | null {
  const fit = evaluation.terms.fit;
  if (fit.kind !== 'mismatch') return null;
  const offered = fit.offered.map(employmentKindLabel).join('/');
  return `Terms differ: ${offered} role; candidate takes ${fit.wanted.map(employmentKindLabel).join(', ')}`;
}

function salaryReason({ evaluation }: ReasonInput): string | null {
  const fit = evaluation.salary.fit;
  switch (fit.kind) {
    case 'unknown':
      return null;
    case 'period-differs':
      return fit.jobHourly
        ? 'Hourly rate not compared with an annual salary expectation'
        : 'Annual salary not compared with an hourly rate expectation';
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

function semanticReason({ evaluation }: ReasonInput): string | null {
  const semantic = evaluation.semantic;
  if (semantic.cosine === null && semantic.title === null) return null;
  const label =
    semantic.score >= SEMANTIC_STRONG ? 'strong' : semantic.score >= SEMANTIC_MODERATE ? 'moderate' : 'weak';
  const title = semantic.title === null ? '' : ` (job title agreement ${Math.round(semantic.title)}/100)`;
  return `Semantic fit: ${label}${title}`;
}

interface ReasonGroup {
  texts: (string | null)[];
  /** How far the component moved the overall score from the middle: weight x evidence x |score - 50|. */
  impact: number;
}

function impact(input: ReasonInput, key: keyof ScoringWeights): number {
  const { components, evidence } = input.evaluation;
  return input.weights[key] * evidence[key] * Math.abs(components[key] - MIDDLE);
}

function byImpact(a: ReasonGroup, b: ReasonGroup): number {
  return b.impact - a.impact;
}

/** "Based on 3 of 5 signals": what the score rests on. */
export function confidenceReason(signals: number): string {
  return `Based on ${signals} of ${COMPONENT_KEYS.length} signals`;
}

export function buildReasons(input: ReasonInput): string[] {
  // The missing skills stay right after the skill summary: together they read as one finding.
  const groups: ReasonGroup[] = [
    { texts: skillReasons(input), impact: impact(input, 'skill') },
    {
      texts: [experienceReason(input), seniorityReason(input.evaluation.seniority)],
      impact: impact(input, 'experience'),
    },
    { texts: [locationReason(input)], impact: impact(input, 'location') },
    {
      texts: [termsReason(input), salaryReason(input)],
      impact: Math.max(impact(input, 'salary'), NOT_COMPARED_IMPACT),
    },
    { texts: [semanticReason(input)], impact: impact(input, 'semantic') },
  ].sort(byImpact);
  const reasons: string[] = [];
  if (input.evaluation.fit === null)
    reasons.push('No evidence of fit: too few shared skills and a different kind of job');
  for (const group of groups) {
    for (const text of group.texts) {
      if (text !== null && reasons.length < MAX_COMPONENT_REASONS) reasons.push(text);
    }
  }
  reasons.push(confidenceReason(input.evaluation.signals));
  return reasons;
}
