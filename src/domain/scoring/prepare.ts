/**
 * Per-candidate and per-job work done once, before pairs are scored: skill keys, canonical places, cleaned
 * salary ranges, embedding norms. Scoring a pair then only compares prepared values.
 */

import {
  type CandidateLocationProfile,
  candidateLocationProfile,
  type JobLocationProfile,
  jobLocationProfile,
} from './location-score.js';
import { type SalaryRange, salaryRange } from './salary-score.js';
import { type EmbeddingProfile, embeddingProfile } from './semantic-score.js';
import { candidateLevel, jobLevel, type KnownLevel } from './seniority.js';
import { type JobSkillProfile, jobSkillProfile, skillKeySet } from './skill-score.js';
import {
  categoryOf,
  categorySpecificity,
  NO_SPECIFICITY,
  type SkillSpecificity,
  specificityOf,
  titleWordSpecificity,
} from './skill-specificity.js';
import { EMPLOYMENT_KINDS, type EmploymentKind, jobEmploymentKinds } from './terms.js';
import { candidateWordSet, stem, type TitleWord, titleWords, weightedTitleWords } from './title-fit.js';
import type { CandidateFeatures, JobFeatures, WorkArrangement } from './types.js';

const KINDS: ReadonlySet<string> = new Set(EMPLOYMENT_KINDS);

export interface PreparedCandidate {
  id: number;
  skillKeys: ReadonlySet<string>;
  /** Dictionary categories of the candidate's skills. */
  skillCategories: ReadonlySet<string>;
  years: number | null;
  level: KnownLevel | null;
  /** Stemmed words of the candidate's title, asked-for roles and skills. */
  words: ReadonlySet<string>;
  location: CandidateLocationProfile;
  /** The candidate said where or how they work (a place, or a remote preference); else location is unknown. */
  locationStated: boolean;
  salary: SalaryRange;
  hourly: SalaryRange;
  employmentKinds: ReadonlySet<EmploymentKind>;
  workModes: ReadonlySet<WorkArrangement>;
  relocation: boolean;
  embedding: EmbeddingProfile;
}

export interface PreparedJob {
  id: number;
  title: string;
  skills: JobSkillProfile;
  experienceMin: number | null;
  experienceMax: number | null;
  level: KnownLevel | null;
  titleWords: TitleWord[];
  location: JobLocationProfile;
  salary: SalaryRange;
  /** The posting's hourly figures when it pays by the hour, else null. */
  hourly: SalaryRange | null;
  employmentKinds: ReadonlySet<EmploymentKind>;
  embedding: EmbeddingProfile;
}

/** `specificity`: the corpus table, read here for the categories of the candidate's skills. */
export function prepareCandidate(
  candidate: CandidateFeatures,
  specificity: SkillSpecificity = NO_SPECIFICITY,
): PreparedCandidate {
  const expected = candidate.expected_salary;
  const skillKeys = skillKeySet(candidate.skills);
  const location = candidateLocationProfile(
    candidate.location,
    candidate.preferred_locations,
    candidate.open_to_remote,
    candidate.commute_radius_km,
  );
  return {
    id: candidate.id,
    skillKeys,
    skillCategories: new Set([...skillKeys].flatMap((key) => categoryOf(specificity, key) ?? [])),
    years: candidate.total_experience_years,
    level: candidateLevel(
      candidate.current_title,
      candidate.preferred_roles,
      candidate.total_experience_years,
    ),
    words: candidateWordSet([
      candidate.current_title,
      ...(candidate.preferred_roles ?? []),
      ...candidate.skills,
    ]),
    location,
    locationStated:
      location.residence !== null ||
      location.preferred.length > 0 ||
      (candidate.work_modes?.length ?? 0) > 0 ||
      candidate.preferred_locations.some((place) => place.is_remote),
    salary: salaryRange(expected?.min_annual, expected?.max_annual, expected?.currency),
    hourly: salaryRange(
      candidate.expected_hourly_rate?.min,
      candidate.expected_hourly_rate?.max,
      candidate.expected_hourly_rate?.currency,
    ),
    employmentKinds: new Set(
      (candidate.employment_types ?? []).filter((kind): kind is EmploymentKind => KINDS.has(kind)),
    ),
    workModes: new Set(candidate.work_modes ?? []),
    relocation: candidate.open_to_relocation ?? false,
    embedding: embeddingProfile(candidate.embedding, candidate.embedding_model),
  };
}

/** `specificity`: the skill document frequencies to weigh the job's skills by (none: plain coverage). */
export function prepareJob(job: JobFeatures, specificity: SkillSpecificity = NO_SPECIFICITY): PreparedJob {
  return {
    id: job.id,
    title: job.title,
    skills: jobSkillProfile(job.skills, job.requiredSkills, job.title, {
      specificity: (key) => specificityOf(specificity, key),
      category: (key) => categoryOf(specificity, key),
      categorySpecificity: (category) => categorySpecificity(specificity, category),
    }),
    experienceMin: job.experience_min,
    experienceMax: job.experience_max,
    level: jobLevel(job.title, job.experience_min),
    titleWords: weightedTitleWords(job.title, (stemmed) => titleWordSpecificity(specificity, stemmed)),
    location: jobLocationProfile(job.is_remote, job.work_arrangement, {
      city: job.location_city,
      region: job.location_region,
      country: job.location_country,
      point: job.location_point ?? null,
    }),
    salary: salaryRange(job.salary_min_annual, job.salary_max_annual, job.salary_currency),
    hourly:
      job.salary_period === 'hour' ? salaryRange(job.salary_min, job.salary_max, job.salary_currency) : null,
    employmentKinds: jobEmploymentKinds(job.employment_type, job.contract_type, job.title),
    embedding: embeddingProfile(job.embedding, job.embedding_model),
  };
}

/** The candidate with one more skill, as `prepareCandidate` would have prepared it: to re-score advice. */
export function withAddedSkill(
  candidate: PreparedCandidate,
  skill: { name: string; key: string; category: string | null },
): PreparedCandidate {
  const words = new Set(candidate.words);
  for (const word of titleWords(skill.name)) words.add(stem(word));
  const skillCategories =
    skill.category === null
      ? candidate.skillCategories
      : new Set([...candidate.skillCategories, skill.category]);
  return { ...candidate, skillKeys: new Set([...candidate.skillKeys, skill.key]), skillCategories, words };
}
