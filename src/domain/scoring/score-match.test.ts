import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreMatch } from './score-match.js';
import { scoreMatrix } from './score-matrix.js';
import { DEFAULT_SETTINGS, SCORING_VERSION } from './settings.js';
import type { CandidateFeatures, JobFeatures, ScoringSettings } from './types.js';

const MODEL = 'local-glove-sif-v1';
/** Unit vector at `cosine` to [1, 0]. */
const atCosine = (cosine: number) => Float32Array.from([cosine, Math.sqrt(1 - cosine * cosine)]);

function job(overrides: Partial<JobFeatures> = {}): JobFeatures {
  return {
    id: 1,
    title: 'Senior Python Engineer',
    skills: ['Python', 'AWS', 'Docker', 'SQL', 'Kubernetes'],
    experience_min: 5,
    experience_max: null,
    is_remote: false,
    work_arrangement: 'hybrid',
    location_city: 'Austin',
    location_region: 'TX',
    location_country: 'US',
    salary_min_annual: 150_000,
    salary_max_annual: 180_000,
    salary_currency: 'USD',
    embedding: Float32Array.from([1, 0]),
    embedding_model: MODEL,
    ...overrides,
  };
}

function candidate(overrides: Partial<CandidateFeatures> = {}): CandidateFeatures {
  return {
    id: 7,
    skills: ['python', 'AWS', 'Docker', 'SQL', 'React'],
    total_experience_years: 6,
    location: { city: 'Austin', region: 'Texas', country: 'United States' },
    preferred_locations: [],
    open_to_remote: true,
    expected_salary: { min_annual: 160_000, max_annual: null, currency: 'USD', raw: '$160K' },
    embedding: atCosine(0.75),
    embedding_model: MODEL,
    ...overrides,
  };
}

describe('scoreMatch', () => {
  it('scores and explains a strong local match', () => {
    const result = scoreMatch(candidate(), job());
    expect(result).toMatchObject({
      skill_match_score: 86.44,
      experience_match_score: 100,
      location_match_score: 100,
      salary_match_score: 100,
      semantic_similarity: 92.86,
      matched_skills: ['Python', 'AWS', 'Docker', 'SQL'],
      missing_skills: ['Kubernetes'],
      is_recommended: true,
      scoring_version: SCORING_VERSION,
    });
    expect(result.match_score).toBe(
      Number((0.35 * 86.44 + 0.15 * 100 + 0.15 * 100 + 0.1 * 100 + 0.25 * 92.86).toFixed(2)),
    );
    expect(result.match_reasons).toEqual([
      'Strong skill match (4/5): Python, AWS, Docker, SQL',
      'Missing: Kubernetes',
      'Semantic fit: strong',
      'Experience fits: 6 years (job asks 5+)',
      'Same city: Austin (hybrid)',
      'Adding Kubernetes would raise the score to 98',
    ]);
    expect(result.improvements).toEqual([{ action: 'adding Kubernetes', newScore: 98.22 }]);
  });

  it('explains a remote role the candidate does not fit well', () => {
    const result = scoreMatch(
      candidate({
        skills: ['Java', 'Spring'],
        total_experience_years: 3,
        open_to_remote: false,
        embedding: atCosine(0.3),
      }),
      job({
        title: 'Java Developer',
        skills: ['Java', 'Spring', 'Kafka', 'PostgreSQL'],
        requiredSkills: ['Java', 'Kafka'],
        work_arrangement: 'remote',
        location_city: null,
        location_region: null,
        location_country: 'GB',
        salary_min_annual: 60_000,
        salary_max_annual: 75_000,
        salary_currency: 'GBP',
      }),
    );
    expect(result.salary_match_score).toBe(50);
    expect(result.location_match_score).toBe(30);
    expect(result.is_recommended).toBe(false);
    // Ordered by how far each component moved the score from neutral (weight x |score - 50|).
    expect(result.match_reasons).toEqual([
      'Semantic fit: weak',
      'Partial skill match (2/4): Java, Spring',
      'Missing: Kafka (required), PostgreSQL',
      '2 years short of the 5 required',
      'Remote role; candidate not open to remote',
      'Adding Kafka would raise the score to 58',
    ]);
    expect(result.improvements.map((i) => i.action)).toEqual(['adding Kafka', 'adding PostgreSQL']);
    expect(result.improvements[0]!.newScore).toBeGreaterThan(result.improvements[1]!.newScore);
  });

  it('says when salaries cannot be compared and stays neutral on unknowns', () => {
    const result = scoreMatch(
      candidate({ total_experience_years: null, location: null, embedding: null, embedding_model: null }),
      job({ skills: [], salary_currency: 'GBP', experience_min: null }),
    );
    expect(result).toMatchObject({
      skill_match_score: 50,
      experience_match_score: 50,
      location_match_score: 50,
      salary_match_score: 50,
      semantic_similarity: 50,
      match_score: 50,
      matched_skills: [],
      missing_skills: [],
      improvements: [],
    });
    expect(result.match_reasons).toEqual(['Salary not comparable: job in GBP, expects USD']);
  });

  it('explains salary shortfalls, over-qualification and distance', () => {
    const result = scoreMatch(
      candidate({
        total_experience_years: 22,
        location: { city: 'Pune', region: null, country: 'IN' },
        embedding: null,
        expected_salary: { min_annual: 150_000, max_annual: 170_000, currency: 'USD', raw: null },
      }),
      job({
        experience_min: 3,
        experience_max: 5,
        work_arrangement: 'onsite',
        salary_min_annual: 100_000,
        salary_max_annual: 120_000,
      }),
    );
    expect(result.match_reasons).toEqual([
      'Strong skill match (4/5): Python, AWS, Docker, SQL',
      'Missing: Kubernetes',
      'Location mismatch: job in Austin, TX, US (onsite)',
      'Over-qualified: 22 years (job asks 3-5)',
      'Salary below expectation: job up to $120K, expects $150K-$170K',
      'Adding Kubernetes would raise the score to 66',
    ]);
  });

  it('lists only improvements worth at least a point, at most two', () => {
    const manySkills = Array.from({ length: 40 }, (_, i) => `Skill${i}`);
    const result = scoreMatch(candidate({ skills: manySkills.slice(0, 39) }), job({ skills: manySkills }));
    expect(result.missing_skills).toEqual(['Skill39']);
    expect(result.improvements).toEqual([]);
    expect(result.match_reasons.some((r) => r.startsWith('Adding'))).toBe(false);
    const sparse = scoreMatch(candidate({ skills: [] }), job());
    expect(sparse.improvements).toHaveLength(2);
    expect(sparse.improvements.map((i) => i.action)).toEqual(['adding Python', 'adding AWS']);
  });

  it('applies the weights, the threshold and per-model calibration from the settings', () => {
    const skillOnly: ScoringSettings = {
      weights: { skill: 1, experience: 0, location: 0, salary: 0, semantic: 0 },
      recommendThreshold: 90,
    };
    const result = scoreMatch(candidate(), job(), skillOnly);
    expect(result.match_score).toBe(86.44);
    expect(result.is_recommended).toBe(false);
    const calibrated = scoreMatch(candidate(), job(), {
      ...DEFAULT_SETTINGS,
      semanticCalibrations: { [MODEL]: { low: 0.5, high: 1 } },
    });
    expect(calibrated.semantic_similarity).toBe(50);
    expect(() =>
      scoreMatch(candidate(), job(), { ...skillOnly, weights: { ...skillOnly.weights, skill: 0.5 } }),
    ).toThrow(RangeError);
  });
});

const arbitraryCandidate: fc.Arbitrary<CandidateFeatures> = fc.record({
  id: fc.nat(),
  skills: fc.array(fc.constantFrom('Python', 'AWS', 'docker', 'SQL', 'Go', 'Java', 'React'), {
    maxLength: 6,
  }),
  total_experience_years: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  location: fc.option(
    fc.record({
      city: fc.option(fc.constantFrom('Austin', 'London', 'Pune'), { nil: null }),
      region: fc.option(fc.constantFrom('TX', 'England'), { nil: null }),
      country: fc.option(fc.constantFrom('US', 'GB', 'IN'), { nil: null }),
    }),
    { nil: null },
  ),
  preferred_locations: fc.constant([]),
  open_to_remote: fc.boolean(),
  expected_salary: fc.option(
    fc.record({
      min_annual: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
      max_annual: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
      currency: fc.constantFrom('USD', 'GBP', null),
      raw: fc.constant(null),
    }),
    { nil: null },
  ),
  embedding: fc.option(fc.double({ min: -1, max: 1, noNaN: true }).map(atCosine), { nil: null }),
  embedding_model: fc.constantFrom(MODEL, 'other', null),
});

const arbitraryJob: fc.Arbitrary<JobFeatures> = fc
  .record({
    skills: fc.array(fc.constantFrom('Python', 'AWS', 'Docker', 'SQL', 'Kubernetes', 'Go'), { maxLength: 6 }),
    requiredSkills: fc.array(fc.constantFrom('Python', 'Go'), { maxLength: 2 }),
    experience_min: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
    experience_max: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    work_arrangement: fc.constantFrom('remote', 'hybrid', 'onsite', null),
    location_city: fc.option(fc.constantFrom('Austin', 'London'), { nil: null }),
    salary_max_annual: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
    salary_currency: fc.constantFrom('USD', 'GBP', null),
  })
  .map((fields) => job({ ...fields, location_region: null, location_country: null }));

describe('scoreMatch properties', () => {
  it('keeps every score within 0-100 with 2 decimals, and is deterministic', () => {
    fc.assert(
      fc.property(arbitraryCandidate, arbitraryJob, (c, j) => {
        const result = scoreMatch(c, j);
        for (const value of [
          result.match_score,
          result.skill_match_score,
          result.experience_match_score,
          result.location_match_score,
          result.salary_match_score,
          result.semantic_similarity,
        ]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
          expect(Math.round(value * 100) / 100).toBe(value);
        }
        expect(result.match_reasons.length).toBeLessThanOrEqual(6);
        expect(scoreMatch(c, j)).toEqual(result);
      }),
    );
  });

  it('never lowers the skill or overall score when a missing skill is added', () => {
    fc.assert(
      fc.property(arbitraryCandidate, arbitraryJob, (c, j) => {
        const before = scoreMatch(c, j);
        for (const skill of before.missing_skills) {
          const after = scoreMatch({ ...c, skills: [...c.skills, skill] }, j);
          expect(after.skill_match_score).toBeGreaterThanOrEqual(before.skill_match_score);
          expect(after.match_score).toBeGreaterThanOrEqual(before.match_score);
        }
      }),
    );
  });

  it('reports improvements that re-scoring confirms', () => {
    fc.assert(
      fc.property(arbitraryCandidate, arbitraryJob, (c, j) => {
        for (const improvement of scoreMatch(c, j).improvements) {
          const skill = improvement.action.replace(/^adding /, '');
          expect(scoreMatch({ ...c, skills: [...c.skills, skill] }, j).match_score).toBe(
            improvement.newScore,
          );
        }
      }),
    );
  });
});

describe('scoreMatrix', () => {
  const candidates = [
    candidate({ id: 1 }),
    candidate({ id: 2, skills: [], open_to_remote: false }),
    candidate({ id: 3, location: null }),
  ];
  const jobs = [job({ id: 10 }), job({ id: 11, work_arrangement: 'remote', skills: ['Go'] })];

  it('scores every pair exactly as scoreMatch does', () => {
    const pairs = scoreMatrix(candidates, jobs);
    expect(pairs.map((p) => [p.candidate_id, p.job_id])).toEqual([
      [1, 10],
      [1, 11],
      [2, 10],
      [2, 11],
      [3, 10],
      [3, 11],
    ]);
    for (const pair of pairs) {
      const c = candidates.find((x) => x.id === pair.candidate_id)!;
      const j = jobs.find((x) => x.id === pair.job_id)!;
      expect(pair.score).toEqual(scoreMatch(c, j));
    }
  });

  it('explains only pairs at or above the floor, and drops the rest unless asked', () => {
    const all = scoreMatrix(candidates, jobs);
    const floor = 60;
    const kept = scoreMatrix(candidates, jobs, DEFAULT_SETTINGS, { reasonsFloor: floor });
    expect(kept.map((p) => p.score)).toEqual(
      all.filter((p) => p.score.match_score >= floor).map((p) => p.score),
    );
    const withBelow = scoreMatrix(candidates, jobs, DEFAULT_SETTINGS, {
      reasonsFloor: floor,
      includeBelowFloor: true,
    });
    expect(withBelow).toHaveLength(all.length);
    for (const [i, pair] of withBelow.entries()) {
      const full = all[i]!.score;
      if (full.match_score >= floor) expect(pair.score).toEqual(full);
      else expect(pair.score).toEqual({ ...full, match_reasons: [], improvements: [] });
    }
  });
});
