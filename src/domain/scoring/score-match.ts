/**
 * Scores one candidate against one job: five deterministic component scores (0-100), each with the evidence
 * behind it, their evidence-weighted mean, whether the pair shows positive evidence of fit at all, and the
 * explanation (matched and missing skills, reasons, one improvement).
 *
 * Batch scoring splits the work: `evaluatePair` computes only numbers, `explainPair` the rest, for the
 * pairs worth keeping.
 */

import {
  type COMPONENT_KEYS,
  type Combined,
  type ComponentEvidence,
  type ComponentScores,
  combineComponents,
} from './components.js';
import { type ExperienceMatch, scoreExperience } from './experience-score.js';
import { discountWithoutFit, fitEvidence } from './fit-evidence.js';
import { skillImprovements } from './improvements.js';
import { type LocationMatch, scoreLocation } from './location-score.js';
import { applyPreferences } from './preferences.js';
import {
  type PreparedCandidate,
  type PreparedJob,
  prepareCandidate,
  prepareJob,
  withAddedSkill,
} from './prepare.js';
import { buildReasons } from './reasons.js';
import { type SalaryMatch, scoreSalary } from './salary-score.js';
import { round2 } from './score-scale.js';
import { DEFAULT_CALIBRATION, type SemanticMatch, scoreSemantic } from './semantic-score.js';
import { type SeniorityMatch, scoreSeniority } from './seniority.js';
import { assertValidSettings, DEFAULT_SETTINGS, isRecommended, SCORING_VERSION } from './settings.js';
import {
  FULL_STACK_SKILLS,
  matchSkills,
  type SkillMatch,
  skillEvidence,
  skillOverlap,
} from './skill-score.js';
import { NO_SPECIFICITY, type SkillSpecificity } from './skill-specificity.js';
import { scoreTerms, type TermsMatch } from './terms.js';
import { titleAgreement } from './title-fit.js';
import type {
  CandidateFeatures,
  FitEvidence,
  Improvement,
  JobFeatures,
  MatchScore,
  ScoringSettings,
} from './types.js';

export interface PairEvaluation extends Combined {
  components: ComponentScores;
  evidence: ComponentEvidence;
  matchedSkillCount: number;
  fit: FitEvidence;
  experience: ExperienceMatch;
  seniority: SeniorityMatch;
  location: LocationMatch;
  salary: SalaryMatch;
  terms: TermsMatch;
  semantic: SemanticFit;
}

/**
 * The semantic component: the calibrated embedding similarity and the title agreement (`titleAgreement`),
 * the title weighing TITLE_AGREEMENT_SHARE; either alone when the other is unknown. The embeddings read whole
 * texts and blur what a job is; the title says it in a few words, so each covers the other's blind spot (the
 * title, measured alone, ranks better on the tuning half of `npm run eval:match`, hence the larger share).
 */
export const TITLE_AGREEMENT_SHARE = 0.6;

export interface SemanticFit extends SemanticMatch {
  /** Title agreement 0-100, or null when not comparable. */
  title: number | null;
}

function scoreSemanticFit(embedded: SemanticMatch, title: number | null): SemanticFit {
  if (title === null) return { ...embedded, title };
  if (embedded.cosine === null) return { score: title, cosine: null, title };
  const score = (1 - TITLE_AGREEMENT_SHARE) * embedded.score + TITLE_AGREEMENT_SHARE * title;
  return { score, cosine: embedded.cosine, title };
}

/**
 * Pay in the posting's own period: an hourly posting against the candidate's hourly rate, an annual one against
 * their salary. Hourly pay is never annualised to meet a salary: across periods the pair is not compared.
 */
function scorePay(candidate: PreparedCandidate, job: PreparedJob): SalaryMatch {
  const hasHourly = candidate.hourly.min !== null || candidate.hourly.max !== null;
  const hasAnnual = candidate.salary.min !== null || candidate.salary.max !== null;
  if (job.hourly !== null) {
    if (hasHourly) return scoreSalary(job.hourly, candidate.hourly);
    return hasAnnual
      ? { score: 0, fit: { kind: 'period-differs', jobHourly: true } }
      : scoreSalary(job.hourly, candidate.hourly);
  }
  const annual = scoreSalary(job.salary, candidate.salary);
  const jobPays = job.salary.min !== null || job.salary.max !== null;
  if (annual.fit.kind === 'unknown' && !hasAnnual && hasHourly && jobPays) {
    return { score: 0, fit: { kind: 'period-differs', jobHourly: false } };
  }
  return annual;
}

/** Years against the posting's range and level against level: the mean of those known. */
function experienceComponent(years: ExperienceMatch, seniority: SeniorityMatch): number | null {
  const knownYears = years.fit !== 'unknown';
  const knownLevel = seniority.fit.kind !== 'unknown';
  if (knownYears && knownLevel) return (years.score + seniority.score) / 2;
  if (knownYears) return years.score;
  if (knownLevel) return seniority.score;
  return null;
}

/** The numbers only: cheap enough to run on every pair of a batch. Settings are assumed valid. */
export function evaluatePair(
  candidate: PreparedCandidate,
  job: PreparedJob,
  settings: ScoringSettings,
): PairEvaluation {
  const experience = scoreExperience(candidate.years, job.experienceMin, job.experienceMax);
  const seniority = scoreSeniority(candidate.level, job.level);
  const arrangement = job.location.isRemote ? 'remote' : job.location.arrangement;
  const location = applyPreferences(
    candidate.locationStated
      ? scoreLocation(candidate.location, job.location)
      : ({ score: 0, fit: { kind: 'unknown' } } as LocationMatch),
    candidate,
    arrangement,
  );
  const salary = scorePay(candidate, job);
  const terms = scoreTerms(candidate.employmentKinds, job.employmentKinds);
  const payKnown = salary.fit.kind === 'fits' || salary.fit.kind === 'below';
  const termsKnown = terms.fit.kind !== 'unknown';
  const model = job.embedding.model;
  const calibration = (model !== null && settings.semanticCalibrations?.[model]) || DEFAULT_CALIBRATION;
  const semantic = scoreSemanticFit(
    scoreSemantic(candidate.embedding, job.embedding, calibration),
    titleAgreement(job.titleWords, candidate.words),
  );
  const skills = skillOverlap(candidate.skillKeys, job.skills, candidate.skillCategories);
  const experienceScore = experienceComponent(experience, seniority);
  const evidence: ComponentEvidence = {
    skill: skillEvidence(candidate.skillKeys.size, job.skills),
    experience: experienceScore === null ? 0 : 1,
    location: location.fit.kind === 'unknown' && location.note === undefined ? 0 : 1,
    salary: payKnown || termsKnown ? 1 : 0,
    semantic: semantic.cosine === null && semantic.title === null ? 0 : 1,
  };
  const components: ComponentScores = {
    skill: evidence.skill > 0 ? round2(skills.score) : 0,
    experience: round2(experienceScore ?? 0),
    location: evidence.location > 0 ? round2(location.score) : 0,
    salary: round2(
      payKnown && termsKnown
        ? Math.min(salary.score, terms.score)
        : payKnown
          ? salary.score
          : termsKnown
            ? terms.score
            : 0,
    ),
    semantic: evidence.semantic > 0 ? round2(semantic.score) : 0,
  };
  const combined = combineComponents(components, evidence, settings.weights);
  const fit = fitEvidence(
    skills.matchedCount,
    evidence.skill > 0 ? components.skill : null,
    evidence.semantic > 0 ? components.semantic : null,
  );
  // Properties listed, not spread from `combined`: a spread in this literal cost 60% of a pair's scoring time.
  return {
    confidence: combined.confidence,
    signals: combined.signals,
    match_score: discountWithoutFit(combined.match_score, fit),
    components,
    evidence,
    matchedSkillCount: skills.matchedCount,
    fit,
    experience,
    seniority,
    location,
    salary,
    terms,
    semantic,
  };
}

/** Whether the pair may be stored (and so shown): positive evidence of fit. */
export function isStorable(evaluation: Pick<PairEvaluation, 'fit'>): boolean {
  return evaluation.fit !== null;
}

function shown(evaluation: PairEvaluation, key: (typeof COMPONENT_KEYS)[number]): number | null {
  return evaluation.evidence[key] > 0 ? evaluation.components[key] : null;
}

function matchScore(
  evaluation: PairEvaluation,
  skills: SkillMatch,
  settings: ScoringSettings,
  match_reasons: string[],
  improvements: Improvement[],
): MatchScore {
  const storable = isStorable(evaluation);
  return {
    match_score: evaluation.match_score,
    skill_match_score: shown(evaluation, 'skill'),
    experience_match_score: shown(evaluation, 'experience'),
    location_match_score: shown(evaluation, 'location'),
    salary_match_score: shown(evaluation, 'salary'),
    semantic_similarity: shown(evaluation, 'semantic'),
    confidence: evaluation.confidence,
    signals: evaluation.signals,
    fit_evidence: evaluation.fit,
    is_storable: storable,
    matched_skills: skills.matchedNames,
    missing_skills: skills.missingNames,
    match_reasons,
    is_recommended:
      storable && isRecommended(evaluation.match_score, shown(evaluation, 'location'), settings),
    improvements,
    scoring_version: SCORING_VERSION,
  };
}

/** The numbers and skill lists, without reasons or improvements: for pairs stored but not explained. */
export function summarizePair(
  candidate: PreparedCandidate,
  job: PreparedJob,
  evaluation: PairEvaluation,
  settings: ScoringSettings,
): MatchScore {
  return matchScore(
    evaluation,
    matchSkills(candidate.skillKeys, job.skills, candidate.skillCategories),
    settings,
    [],
    [],
  );
}

export function explainPair(
  candidate: PreparedCandidate,
  job: PreparedJob,
  evaluation: PairEvaluation,
  settings: ScoringSettings,
): MatchScore {
  const skills = matchSkills(candidate.skillKeys, job.skills, candidate.skillCategories);
  const improvements = skillImprovements(skills, evaluation.match_score, (skill) => {
    const withSkill = withAddedSkill(candidate, skill);
    return evaluatePair(withSkill, job, settings).match_score;
  });
  const reasons = buildReasons({
    evaluation,
    weights: settings.weights,
    skills,
    arrangement: job.location.arrangement,
  });
  return matchScore(evaluation, skills, settings, reasons, improvements);
}

export function scoreMatch(
  candidate: CandidateFeatures,
  job: JobFeatures,
  settings: ScoringSettings = DEFAULT_SETTINGS,
  specificity: SkillSpecificity = NO_SPECIFICITY,
): MatchScore {
  assertValidSettings(settings);
  const preparedCandidate = prepareCandidate(candidate, specificity);
  const preparedJob = prepareJob(job, specificity);
  const evaluation = evaluatePair(preparedCandidate, preparedJob, settings);
  return explainPair(preparedCandidate, preparedJob, evaluation, settings);
}

/** A stored match as the store keeps it: component scores (null = no evidence) and its skill lists' sizes. */
export interface StoredComponents {
  skill: number | null;
  experience: number | null;
  location: number | null;
  salary: number | null;
  semantic: number | null;
  matchedSkills: number;
  jobSkills: number;
}

/**
 * The match score a stored pair gets under other weights, by the same rules as `evaluatePair`: for the
 * settings preview, which re-weights stored components without re-reading candidates and jobs.
 */
export function rescoreStored(stored: StoredComponents, settings: ScoringSettings): number {
  const value = (score: number | null) => score ?? 0;
  const known = (score: number | null) => (score === null ? 0 : 1);
  const components: ComponentScores = {
    skill: value(stored.skill),
    experience: value(stored.experience),
    location: value(stored.location),
    salary: value(stored.salary),
    semantic: value(stored.semantic),
  };
  const evidence: ComponentEvidence = {
    skill: stored.skill === null ? 0 : Math.min(1, stored.jobSkills / FULL_STACK_SKILLS),
    experience: known(stored.experience),
    location: known(stored.location),
    salary: known(stored.salary),
    semantic: known(stored.semantic),
  };
  const combined = combineComponents(components, evidence, settings.weights);
  return discountWithoutFit(
    combined.match_score,
    fitEvidence(stored.matchedSkills, stored.skill, stored.semantic),
  );
}
