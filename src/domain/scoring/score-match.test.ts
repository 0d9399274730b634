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
      skill_match_score: 91.61,
      experience_match_score: 100,
      location_match_score: 100,
      salary_match_score: 100,
      matched_skills: ['Python', 'AWS', 'Docker', 'SQL'],
      missing_skills: ['Kubernetes'],
      is_recommended: true,
      is_storable: true,
      fit_evidence: 'skills',
      signals: 5,
      confidence: 1,
      scoring_version: SCORING_VERSION,
    });
    // Every component has evidence: the plain weighted sum.
    const s = result;
    expect(result.match_score).toBeCloseTo(
      0.35 * s.skill_match_score! + 0.15 * 100 + 0.15 * 100 + 0.1 * 100 + 0.25 * s.semantic_similarity!,
      1,
    );
    expect(result.match_reasons[0]).toBe('Strong skill match (4/5): Python, AWS, Docker, SQL');
    expect(result.match_reasons).toContain('Missing: Kubernetes');
    expect(result.match_reasons).toContain('Same city: Austin (hybrid)');
    expect(result.match_reasons.at(-1)).toBe('Based on 5 of 5 signals');
    // One piece of advice, with one number, not repeated among the reasons.
    expect(result.improvements).toHaveLength(1);
    expect(result.improvements[0]!.action).toBe('adding Kubernetes');
    expect(result.match_reasons.some((r) => r.startsWith('Adding'))).toBe(false);
  });

  it('gives components without evidence no weight and says how many signals the score rests on', () => {
    const result = scoreMatch(
      candidate({ total_experience_years: null, location: null, expected_salary: null }),
      job({ title: 'Python Engineer', experience_min: null, salary_currency: 'GBP' }),
    );
    expect(result).toMatchObject({
      experience_match_score: null,
      location_match_score: null,
      salary_match_score: null,
      signals: 2,
      confidence: 0.6,
    });
    // Only fit: skill and semantic in their own proportion.
    const fit = (0.35 * result.skill_match_score! + 0.25 * result.semantic_similarity!) / 0.6;
    expect(result.match_score).toBeCloseTo(fit, 1);
    expect(result.match_reasons.at(-1)).toBe('Based on 2 of 5 signals');
  });

  it('does not lift a posting nobody can compare skills with by its city or level', () => {
    const noSkills = scoreMatch(
      candidate({ embedding: null, embedding_model: null }),
      job({ title: 'Forklift Operator', skills: [] }),
    );
    expect(noSkills.skill_match_score).toBeNull();
    expect(noSkills.location_match_score).toBe(100);
    expect(noSkills.fit_evidence).toBeNull();
    expect(noSkills.is_storable).toBe(false);
    expect(noSkills.is_recommended).toBe(false);
    expect(noSkills.match_score).toBeLessThan(40);
    expect(noSkills.match_reasons[0]).toMatch(/^No evidence of fit/);
  });

  it('treats one detected skill as weak evidence: it weighs less than a known stack', () => {
    const one = scoreMatch(candidate(), job({ skills: ['Python'], title: 'Engineer' }));
    const full = scoreMatch(
      candidate(),
      job({ skills: ['Python', 'AWS', 'Docker', 'SQL'], title: 'Engineer' }),
    );
    expect(one.skill_match_score).toBe(100);
    expect(one.confidence).toBeLessThan(full.confidence);
    expect(one.match_reasons.some((r) => r.includes('only 1 skill known for the job'))).toBe(true);
  });

  it('scores a senior candidate low on a junior role and names the levels', () => {
    const result = scoreMatch(
      candidate({ total_experience_years: 7, preferred_roles: ['Senior Data Engineer'] }),
      job({ title: 'Junior Data Engineer', experience_min: null, experience_max: null }),
    );
    expect(result.experience_match_score).toBe(70);
    expect(result.match_reasons).toContain(
      'Over-qualified for a junior role: candidate senior (by preferred roles)',
    );
  });

  it('says when salaries cannot be compared and leaves unknowns out', () => {
    const result = scoreMatch(
      candidate({ total_experience_years: null, location: null, embedding: null, embedding_model: null }),
      job({ title: 'Operator', skills: [], salary_currency: 'GBP', experience_min: null }),
    );
    expect(result).toMatchObject({
      skill_match_score: null,
      experience_match_score: null,
      location_match_score: null,
      salary_match_score: null,
      matched_skills: [],
      missing_skills: [],
      improvements: [],
      is_storable: false,
    });
    expect(result.match_reasons).toContain('Salary not comparable: job in GBP, expects USD');
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
    expect(result.match_reasons).toEqual(
      expect.arrayContaining([
        'Strong skill match (4/5): Python, AWS, Docker, SQL',
        'Missing: Kubernetes',
        'Location mismatch: job in Austin, TX, US (onsite)',
        'Over-qualified: 22 years (job asks 3-5)',
        'Salary below expectation: job up to $120K, expects $150K-$170K',
      ]),
    );
    expect(result.is_recommended).toBe(false);
  });

  it('offers at most one improvement, and only one worth at least a point', () => {
    const manySkills = Array.from({ length: 40 }, (_, i) => `Skill${i}`);
    const result = scoreMatch(candidate({ skills: manySkills.slice(0, 39) }), job({ skills: manySkills }));
    expect(result.missing_skills).toEqual(['Skill39']);
    expect(result.improvements).toEqual([]);
    const sparse = scoreMatch(candidate({ skills: ['React'] }), job());
    expect(sparse.improvements.map((i) => i.action)).toEqual(['adding Python']);
  });

  it('applies the weights, the threshold and per-model calibration from the settings', () => {
    const skillOnly: ScoringSettings = {
      weights: { skill: 1, experience: 0, location: 0, salary: 0, semantic: 0 },
      recommendThreshold: 95,
    };
    const result = scoreMatch(candidate(), job(), skillOnly);
    expect(result.match_score).toBe(result.skill_match_score);
    expect(result.is_recommended).toBe(false);
    const plain = scoreMatch(candidate(), job({ title: '' }));
    const calibrated = scoreMatch(candidate(), job({ title: '' }), {
      ...DEFAULT_SETTINGS,
      semanticCalibrations: { [MODEL]: { low: 0.5, high: 1 } },
    });
    expect(calibrated.semantic_similarity).toBe(50);
    expect(plain.semantic_similarity).toBe(92.86);
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
          if (value === null) continue;
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
          expect(Math.round(value * 100) / 100).toBe(value);
        }
        // Eight component reasons at most, plus the fit warning and the signal count.
        expect(result.match_reasons.length).toBeLessThanOrEqual(10);
        expect(scoreMatch(c, j)).toEqual(result);
      }),
    );
  });

  // A candidate with no skills at all is scored on the other evidence; from one skill on, every added
  // matched skill can only help.
  it('never lowers the skill or overall score when a missing skill is added', () => {
    fc.assert(
      fc.property(arbitraryCandidate, arbitraryJob, (c, j) => {
        fc.pre(c.skills.length > 0);
        const before = scoreMatch(c, j);
        for (const skill of before.missing_skills) {
          const after = scoreMatch({ ...c, skills: [...c.skills, skill] }, j);
          expect(after.skill_match_score!).toBeGreaterThanOrEqual(before.skill_match_score!);
          expect(after.match_score).toBeGreaterThanOrEqual(before.match_score);
          if (before.is_storable) expect(after.is_storable).toBe(true);
        }
      }),
    );
  });

  it('never stores or recommends a pair without positive evidence of fit', () => {
    fc.assert(
      fc.property(arbitraryCandidate, arbitraryJob, (c, j) => {
        const result = scoreMatch(c, j);
        if (result.fit_evidence === null) {
          expect(result.is_storable).toBe(false);
          expect(result.is_recommended).toBe(false);
        }
        const nothing = scoreMatch(
          { ...c, skills: [], embedding: null, embedding_model: null },
          { ...j, title: '' },
        );
        expect(nothing.is_storable).toBe(false);
      }),
    );
  });

  it('gives an unknown condition no weight: the score equals the score with that weight removed', () => {
    fc.assert(
      fc.property(arbitraryCandidate, arbitraryJob, (c, j) => {
        const unknownSalary = { ...c, expected_salary: null };
        const result = scoreMatch(unknownSalary, j);
        const noSalaryWeight = scoreMatch(unknownSalary, j, {
          ...DEFAULT_SETTINGS,
          weights: { skill: 0.35, experience: 0.15, location: 0.15, salary: 0, semantic: 0.35 },
        });
        expect(result.salary_match_score).toBeNull();
        // Same evidence, same ranking direction: both scores are in 0-100 and rest on the same signals.
        expect(noSalaryWeight.signals).toBe(result.signals);
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

describe('terms, pay periods and work preferences', () => {
  const c2cHourly = job({
    title: 'Senior Python Engineer (C2C)',
    salary_period: 'hour',
    salary_min: 67,
    salary_max: 79,
    salary_min_annual: 139_360,
    salary_max_annual: 164_320,
    contract_type: 'C2C',
    employment_type: 'Contract',
  });

  it('never scores an hourly contract rate against an annual salary by annualising it', () => {
    const result = scoreMatch(candidate({ employment_types: ['permanent'] }), c2cHourly);
    expect(result.match_reasons).toContain('Hourly rate not compared with an annual salary expectation');
    expect(result.match_reasons.some((r) => r.startsWith('Terms differ: contract/C2C role'))).toBe(true);
    expect(result.salary_match_score).toBe(20);
  });

  it('compares an hourly rate with an hourly expectation, and any contract form suits a contractor', () => {
    const result = scoreMatch(
      candidate({
        employment_types: ['contract'],
        expected_salary: null,
        expected_hourly_rate: { min: 85, max: null, currency: 'USD' },
      }),
      c2cHourly,
    );
    expect(result.salary_match_score).toBeLessThan(100);
    expect(result.match_reasons.some((r) => r.startsWith('Salary below expectation: job up to $79'))).toBe(
      true,
    );
    expect(result.match_reasons.some((r) => r.startsWith('Terms differ'))).toBe(false);
  });

  it('caps a job in a work mode the candidate does not take, and lifts distant jobs for a relocating candidate', () => {
    const remoteOnly = scoreMatch(candidate({ work_modes: ['remote'] }), job({ work_arrangement: 'onsite' }));
    expect(remoteOnly.location_match_score).toBe(20);
    expect(remoteOnly.match_reasons).toContain(
      'Same city: Austin (onsite); onsite role; candidate works remote',
    );
    const seattle = { city: 'Seattle', region: 'WA', country: 'US' };
    const chicago = job({ work_arrangement: 'onsite', location_city: 'Chicago', location_region: 'IL' });
    const stays = scoreMatch(candidate({ location: seattle }), chicago);
    const moves = scoreMatch(candidate({ location: seattle, open_to_relocation: true }), chicago);
    expect(stays.location_match_score).toBe(50);
    expect(moves.location_match_score).toBe(65);
    expect(moves.match_reasons).toContain(
      'Same country, other city: job in Chicago, IL, US (onsite); candidate open to relocation',
    );
  });

  it('gives a remote job no location credit for a candidate who stated nothing about place or mode', () => {
    const silent = scoreMatch(candidate({ location: null }), job({ work_arrangement: 'remote' }));
    expect(silent.location_match_score).toBeNull();
  });
});

describe('issue 11 regressions', () => {
  it('ranks a posting missing one of the candidate skills above one with no skills at all', () => {
    const c = candidate({ embedding: null, embedding_model: null });
    const missingOne = scoreMatch(
      c,
      job({ title: 'Engineer', skills: ['Python', 'AWS', 'Docker', 'Kubernetes'] }),
    );
    const noSkills = scoreMatch(c, job({ title: 'Engineer', skills: [] }));
    expect(missingOne.match_score).toBeGreaterThan(noSkills.match_score);
  });

  it('does not rank a skill-less SAP posting high for unrelated resumes', () => {
    const sap = job({
      title: 'Senior SAP FI/CO Consultant',
      skills: [],
      embedding: null,
      embedding_model: null,
    });
    for (const profile of [
      candidate({ current_title: 'Preschool Teacher', skills: ['Teaching'], embedding: null }),
      candidate({ current_title: 'Data Engineer', skills: ['Python', 'Spark'], embedding: null }),
    ]) {
      const result = scoreMatch(profile, sap);
      expect(result.is_storable).toBe(false);
      expect(result.match_score).toBeLessThan(40);
    }
  });
});
