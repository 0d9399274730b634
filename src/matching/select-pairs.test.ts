import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, prepareCandidate, prepareJob } from '../domain/scoring/index.js';
import type { CandidateFeatures, JobFeatures } from '../domain/scoring/types.js';
import { pairKey, selectPairs } from './select-pairs.js';

const candidate: CandidateFeatures = {
  id: 1,
  current_title: 'Senior Data Engineer',
  skills: ['Python', 'SQL', 'Spark', 'Airflow'],
  total_experience_years: 7,
  location: { city: 'Austin', region: 'TX', country: 'US' },
  preferred_locations: [],
  open_to_remote: true,
  expected_salary: null,
  embedding: null,
  embedding_model: null,
};

function job(id: number, title: string, skills: string[]): JobFeatures {
  return {
    id,
    title,
    skills,
    experience_min: null,
    experience_max: null,
    is_remote: false,
    work_arrangement: 'onsite',
    location_city: 'Austin',
    location_region: 'TX',
    location_country: 'US',
    salary_min_annual: null,
    salary_max_annual: null,
    salary_currency: null,
    embedding: null,
    embedding_model: null,
  };
}

describe('selectPairs', () => {
  const jobs = [
    job(10, 'Data Engineer', ['Python', 'SQL', 'Spark', 'Kafka']),
    job(11, 'Forklift Operator', []),
    job(12, 'Registered Nurse', ['Microsoft Office']),
  ].map((job) => prepareJob(job));
  const candidates = [prepareCandidate(candidate)];

  it('never stores a pair without positive evidence of fit, even inside the best N and above the floor', () => {
    const { keep, drop } = selectPairs(candidates, jobs, DEFAULT_SETTINGS, { floor: 0, bestN: 50 });
    expect(keep.map((pair) => pair.job_id)).toEqual([10]);
    expect(drop.map((pair) => pair.job_posting_id).sort()).toEqual([11, 12]);
  });

  it('keeps a pair a recruiter acted on, evidence or not', () => {
    const acted = new Set([pairKey(1, 11)]);
    const { keep } = selectPairs(candidates, jobs, DEFAULT_SETTINGS, { floor: 0, bestN: 50 }, acted);
    expect(keep.map((pair) => pair.job_id).sort()).toEqual([10, 11]);
  });

  it('with the stored list, keeps only pairs that rank inside the merged best N (ties by job id)', () => {
    const fitting = [
      job(20, 'Data Engineer', ['Python', 'SQL', 'Spark', 'Kafka']),
      job(21, 'Data Engineer', ['Python', 'SQL', 'Spark', 'Kafka']),
      job(22, 'Data Engineer', ['Python', 'SQL', 'Java', 'Kafka']),
    ].map((job) => prepareJob(job));
    const alone = selectPairs(candidates, fitting, DEFAULT_SETTINGS, { floor: 0, bestN: 3 }).keep;
    expect(alone).toHaveLength(3);
    const [best, tied, third] = alone.map((pair) => ({
      job_id: pair.job_id,
      match_score: pair.score.match_score,
    }));
    expect(tied!.match_score).toBe(best!.match_score);
    // A stored pair scoring like the tied two, with a job id between theirs: it ranks after 20, before 21.
    const stored = new Map([
      [
        1,
        [
          { job_id: 20.5, match_score: best!.match_score },
          { job_id: 99, match_score: 100 },
        ],
      ],
    ]);
    const merged = selectPairs(
      candidates,
      fitting,
      DEFAULT_SETTINGS,
      { floor: 0, bestN: 3 },
      new Set(),
      stored,
    );
    expect(merged.keep.map((pair) => pair.job_id)).toEqual([20]);
    expect(merged.drop.map((pair) => pair.job_posting_id)).toEqual([21, 22]);
    // A recruiter's pair is kept whatever the stored list holds, and takes no place in N.
    const acted = new Set([pairKey(1, third!.job_id)]);
    const withActed = selectPairs(
      candidates,
      fitting,
      DEFAULT_SETTINGS,
      { floor: 0, bestN: 3 },
      acted,
      stored,
    );
    expect(withActed.keep.map((pair) => pair.job_id).sort()).toEqual([20, third!.job_id].sort());
  });
});
