import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateLevel, jobLevel, LEVELS, levelFromTitle, scoreSeniority } from './seniority.js';

describe('levelFromTitle', () => {
  it.each([
    ['Junior Data Engineer', 'junior'],
    ['Jr. Data Scientist', 'junior'],
    ['Data Engineer I', 'junior'],
    ['Data Engineer 5 - Contract', 'senior'],
    ['Software Engineer III (Senior)', 'senior'],
    ['Senior Data Engineer', 'senior'],
    ['Lead AWS DevOps Engineer', 'lead'],
    ['Technical Architect - AWS', 'lead'],
    ['Principal Data Scientist', 'principal'],
    ['Head of Data', 'principal'],
    ['Data Science Intern', 'intern'],
    ['Data Scientist', null],
    ['', null],
  ])('%s → %s', (title, level) => {
    expect(levelFromTitle(title)).toBe(level);
  });
});

describe('levels of jobs and candidates', () => {
  it('reads a job from its title, else from its minimum years', () => {
    expect(jobLevel('Senior Python Engineer', 1)).toEqual({ level: 'senior', source: 'title' });
    expect(jobLevel('Python Engineer', 6)).toEqual({ level: 'senior', source: 'years' });
    expect(jobLevel('Python Engineer', null)).toBeNull();
  });

  it('reads a candidate from the roles they asked for first, then title, then years', () => {
    expect(candidateLevel('Data Engineer', ['Senior Data Engineer', 'Data Engineer'], 2)).toEqual({
      level: 'senior',
      source: 'preferred roles',
    });
    expect(candidateLevel('Lead Engineer', [], 2)).toEqual({ level: 'lead', source: 'title' });
    expect(candidateLevel(null, [], 7)).toEqual({ level: 'senior', source: 'years' });
    expect(candidateLevel(null, [], null)).toBeNull();
  });
});

describe('scoreSeniority', () => {
  const level = fc.constantFrom(...LEVELS);
  it('is 100 on the same level, penalizes both ways, and more the further apart', () => {
    fc.assert(
      fc.property(level, level, level, (candidate, near, far) => {
        const at = (job: (typeof LEVELS)[number]) =>
          scoreSeniority({ level: candidate, source: 'title' }, { level: job, source: 'title' }).score;
        expect(at(candidate)).toBe(100);
        const gap = (job: (typeof LEVELS)[number]) => LEVELS.indexOf(candidate) - LEVELS.indexOf(job);
        if (Math.sign(gap(near)) === Math.sign(gap(far)) && Math.abs(gap(near)) <= Math.abs(gap(far))) {
          expect(at(near)).toBeGreaterThanOrEqual(at(far));
        }
      }),
    );
  });

  it('punishes under-qualification harder than over-qualification', () => {
    const senior = { level: 'senior' as const, source: 'title' as const };
    const junior = { level: 'junior' as const, source: 'title' as const };
    expect(scoreSeniority(junior, senior).score).toBeLessThan(scoreSeniority(senior, junior).score);
    expect(scoreSeniority(null, senior).fit.kind).toBe('unknown');
  });
});
