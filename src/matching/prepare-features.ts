/**
 * Candidates and jobs prepared for scoring with the committed skill specificity table
 * (assets/skill-specificity.json): every matching path prepares through here, so the stored scores and a
 * from-scratch rescore weigh skills alike.
 */
import {
  type CandidateFeatures,
  type JobFeatures,
  type PreparedCandidate,
  type PreparedJob,
  prepareCandidate,
  prepareJob,
} from '../domain/scoring/index.js';
import { loadSkillSpecificity } from '../skills/skill-specificity.loader.js';

export function prepareMatchingCandidate(candidate: CandidateFeatures): PreparedCandidate {
  return prepareCandidate(candidate, loadSkillSpecificity());
}

export function prepareMatchingJob(job: JobFeatures): PreparedJob {
  return prepareJob(job, loadSkillSpecificity());
}
