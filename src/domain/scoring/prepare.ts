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
import { type JobSkillProfile, jobSkillProfile, skillKeySet } from './skill-score.js';
import type { CandidateFeatures, JobFeatures } from './types.js';

export interface PreparedCandidate {
  id: number;
  skillKeys: ReadonlySet<string>;
  years: number | null;
  location: CandidateLocationProfile;
  salary: SalaryRange;
  embedding: EmbeddingProfile;
}

export interface PreparedJob {
  id: number;
  title: string;
  skills: JobSkillProfile;
  experienceMin: number | null;
  experienceMax: number | null;
  location: JobLocationProfile;
  salary: SalaryRange;
  embedding: EmbeddingProfile;
}

export function prepareCandidate(candidate: CandidateFeatures): PreparedCandidate {
  const expected = candidate.expected_salary;
  return {
    id: candidate.id,
    skillKeys: skillKeySet(candidate.skills),
    years: candidate.total_experience_years,
    location: candidateLocationProfile(
      candidate.location,
      candidate.preferred_locations,
      candidate.open_to_remote,
    ),
    salary: salaryRange(expected?.min_annual, expected?.max_annual, expected?.currency),
    embedding: embeddingProfile(candidate.embedding, candidate.embedding_model),
  };
}

export function prepareJob(job: JobFeatures): PreparedJob {
  return {
    id: job.id,
    title: job.title,
    skills: jobSkillProfile(job.skills, job.requiredSkills),
    experienceMin: job.experience_min,
    experienceMax: job.experience_max,
    location: jobLocationProfile(job.is_remote, job.work_arrangement, {
      city: job.location_city,
      region: job.location_region,
      country: job.location_country,
    }),
    salary: salaryRange(job.salary_min_annual, job.salary_max_annual, job.salary_currency),
    embedding: embeddingProfile(job.embedding, job.embedding_model),
  };
}
