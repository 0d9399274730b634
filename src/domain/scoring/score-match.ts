/**
 * Scores one candidate against one job: five deterministic component scores (0-100), their weighted sum,
 * and the explanation (matched and missing skills, reasons, improvements).
 *
 * Batch scoring splits the work: `evaluatePair` computes only numbers, `explainPair` the rest, for the
 * pairs worth keeping.
 */

import { type ComponentScores, weightedScore } from './components.js';
import { type ExperienceMatch, scoreExperience } from './experience-score.js';
import { skillImprovements } from './improvements.js';
import { type LocationMatch, scoreLocation } from './location-score.js';
import { type PreparedCandidate, type PreparedJob, prepareCandidate, prepareJob } from './prepare.js';
import { buildReasons } from './reasons.js';
import { type SalaryMatch, scoreSalary } from './salary-score.js';
import { round2 } from './score-scale.js';
import { DEFAULT_CALIBRATION, type SemanticMatch, scoreSemantic } from './semantic-score.js';
import { assertValidSettings, DEFAULT_SETTINGS, isRecommended, SCORING_VERSION } from './settings.js';
import { matchSkills, type SkillMatch, skillScore } from './skill-score.js';
import type { CandidateFeatures, Improvement, JobFeatures, MatchScore, ScoringSettings } from './types.js';

export interface PairEvaluation {
  match_score: number;
  components: ComponentScores;
  experience: ExperienceMatch;
  location: LocationMatch;
  salary: SalaryMatch;
  semantic: SemanticMatch;
}

/** The numbers only: cheap enough to run on every pair of a batch. Settings are assumed valid. */
export function evaluatePair(
  candidate: PreparedCandidate,
  job: PreparedJob,
  settings: ScoringSettings,
): PairEvaluation {
  const experience = scoreExperience(candidate.years, job.experienceMin, job.experienceMax);
  const location = scoreLocation(candidate.location, job.location);
  const salary = scoreSalary(job.salary, candidate.salary);
  const model = job.embedding.model;
  const calibration = (model !== null && settings.semanticCalibrations?.[model]) || DEFAULT_CALIBRATION;
  const semantic = scoreSemantic(candidate.embedding, job.embedding, calibration);
  const components: ComponentScores = {
    skill: round2(skillScore(candidate.skillKeys, job.skills)),
    experience: round2(experience.score),
    location: round2(location.score),
    salary: round2(salary.score),
    semantic: round2(semantic.score),
  };
  return {
    match_score: weightedScore(components, settings.weights),
    components,
    experience,
    location,
    salary,
    semantic,
  };
}

function matchScore(
  evaluation: PairEvaluation,
  skills: SkillMatch,
  settings: ScoringSettings,
  match_reasons: string[],
  improvements: Improvement[],
): MatchScore {
  const { components } = evaluation;
  return {
    match_score: evaluation.match_score,
    skill_match_score: components.skill,
    experience_match_score: components.experience,
    location_match_score: components.location,
    salary_match_score: components.salary,
    semantic_similarity: components.semantic,
    matched_skills: skills.matchedNames,
    missing_skills: skills.missingNames,
    match_reasons,
    is_recommended: isRecommended(evaluation.match_score, components.location, settings),
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
  return matchScore(evaluation, matchSkills(candidate.skillKeys, job.skills), settings, [], []);
}

export function explainPair(
  candidate: PreparedCandidate,
  job: PreparedJob,
  evaluation: PairEvaluation,
  settings: ScoringSettings,
): MatchScore {
  const skills = matchSkills(candidate.skillKeys, job.skills);
  const improvements = skillImprovements(skills, job.skills, evaluation.components, settings.weights);
  const reasons = buildReasons({
    components: evaluation.components,
    weights: settings.weights,
    skills,
    experience: evaluation.experience,
    location: evaluation.location,
    arrangement: job.location.arrangement,
    salary: evaluation.salary,
    semantic: evaluation.semantic,
    improvements,
  });
  return matchScore(evaluation, skills, settings, reasons, improvements);
}

export function scoreMatch(
  candidate: CandidateFeatures,
  job: JobFeatures,
  settings: ScoringSettings = DEFAULT_SETTINGS,
): MatchScore {
  assertValidSettings(settings);
  const preparedCandidate = prepareCandidate(candidate);
  const preparedJob = prepareJob(job);
  const evaluation = evaluatePair(preparedCandidate, preparedJob, settings);
  return explainPair(preparedCandidate, preparedJob, evaluation, settings);
}
