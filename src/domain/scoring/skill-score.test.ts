import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  jobSkillProfile,
  matchSkills,
  skillKeySet,
  skillScore,
  skillScoreFromCoverage,
} from './skill-score.js';

function score(candidate: string[], job: string[], required?: string[]): number {
  return skillScore(skillKeySet(candidate), jobSkillProfile(job, required));
}

describe('skill score', () => {
  const job = ['Python', 'AWS', 'Docker', 'SQL', 'Kubernetes'];

  it('is 100 for all job skills, 0 for none, in between for some', () => {
    expect(score(job, job)).toBe(100);
    expect(score(['Java'], job)).toBe(0);
    expect(score([], job)).toBe(0);
    const partial = score(['Python', 'AWS'], job);
    expect(partial).toBeGreaterThan(40);
    expect(partial).toBeLessThan(70);
  });

  it('compares case-insensitively and ignores skills the job does not ask for', () => {
    expect(score(['python', 'aws', 'DOCKER', 'sql', ' kubernetes ', 'React', 'Go'], job)).toBe(100);
  });

  it('is neutral when the job lists no skills', () => {
    expect(score(['Python'], [])).toBe(50);
    expect(score([], [' '])).toBe(50);
  });

  it('gives partial credit that grows with the number of matched skills at equal coverage', () => {
    const halfOfTwo = score(['A'], ['A', 'B']);
    const halfOfTen = score(['A', 'B', 'C', 'D', 'E'], ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect(halfOfTen).toBeGreaterThan(halfOfTwo);
    expect(halfOfTen - halfOfTwo).toBeLessThan(10);
  });

  it('weighs required skills double', () => {
    const skills = ['Python', 'Kubernetes', 'Terraform'];
    const hasRequired = score(['Python'], skills, ['Python']);
    const hasNiceToHave = score(['Kubernetes'], skills, ['Python']);
    expect(hasRequired).toBeGreaterThan(hasNiceToHave);
    expect(hasRequired).toBeCloseTo(skillScoreFromCoverage(2, 4, 1), 10);
  });

  it('counts required skills missing from the skill list and lists missing skills in job order', () => {
    const profile = jobSkillProfile(['Python', 'AWS', 'python', 'Docker'], ['Go', 'AWS']);
    expect(profile.skills.map((s) => [s.name, s.weight])).toEqual([
      ['Python', 1],
      ['AWS', 2],
      ['Docker', 1],
      ['Go', 2],
    ]);
    const match = matchSkills(skillKeySet(['docker', 'PYTHON']), profile);
    expect(match.matchedNames).toEqual(['Python', 'Docker']);
    expect(match.missingNames).toEqual(['AWS', 'Go']);
    expect(match.missing.every((s) => s.required)).toBe(true);
    expect(match.score).toBe(skillScore(skillKeySet(['docker', 'PYTHON']), profile));
  });

  const skillNames = fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'a', 'b'), {
    maxLength: 8,
  });

  it('stays within 0-100 and never drops when a missing skill is added (property)', () => {
    fc.assert(
      fc.property(skillNames, skillNames, skillNames, (candidate, job, required) => {
        const profile = jobSkillProfile(job, required);
        const keys = skillKeySet(candidate);
        const before = skillScore(keys, profile);
        expect(before).toBeGreaterThanOrEqual(0);
        expect(before).toBeLessThanOrEqual(100);
        for (const missing of matchSkills(keys, profile).missing) {
          expect(skillScore(new Set([...keys, missing.key]), profile)).toBeGreaterThan(before);
        }
      }),
    );
  });
});
