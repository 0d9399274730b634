import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreExperience } from './experience-score.js';

describe('experience score', () => {
  it('gives full marks inside the range, open ended when max is null', () => {
    expect(scoreExperience(5, 5, null)).toMatchObject({ score: 100, fit: 'inside' });
    expect(scoreExperience(8, 5, 10)).toMatchObject({ score: 100, fit: 'inside' });
    expect(scoreExperience(14, 5, null).score).toBe(100);
    expect(scoreExperience(0, 0, 2).score).toBe(100);
    expect(scoreExperience(1, null, 3)).toMatchObject({ score: 100, fit: 'inside' });
  });

  it('accepts a few years above max without penalty', () => {
    expect(scoreExperience(8, 3, 5)).toMatchObject({ score: 100, fit: 'above' });
    expect(scoreExperience(10, 3, 5).score).toBe(100);
  });

  it('drops smoothly per missing year, about 15-25 points a year, to about 0', () => {
    const scores = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(
      (short) => scoreExperience(10 - short, 10, null).score,
    );
    expect(scores[0]).toBe(100);
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
    expect(scores[1]).toBeGreaterThan(85);
    expect(scores[2]).toBeGreaterThan(60);
    expect(scores[3]).toBeGreaterThan(40);
    expect(scores[3]).toBeLessThan(60);
    expect(scores[5]).toBeLessThan(20);
    expect(scores[10]).toBeLessThan(0.1);
    expect(scoreExperience(4.5, 5, null).score).toBeGreaterThan(97);
    expect(scoreExperience(3, 5, 8)).toMatchObject({ fit: 'short', shortBy: 2 });
  });

  it('penalizes heavy over-qualification mildly', () => {
    const over = scoreExperience(20, 3, 5);
    expect(over.fit).toBe('overqualified');
    expect(over.score).toBeLessThan(100);
    expect(over.score).toBeGreaterThanOrEqual(70);
    expect(scoreExperience(30, 3, 5).score).toBeLessThan(over.score);
    expect(scoreExperience(16, 5, null).fit).toBe('overqualified');
    expect(scoreExperience(15, 5, null).fit).toBe('inside');
  });

  it('is neutral when either side is unknown or junk', () => {
    expect(scoreExperience(null, 5, null)).toMatchObject({ score: 50, fit: 'unknown' });
    expect(scoreExperience(5, null, null)).toMatchObject({ score: 50, fit: 'unknown' });
    expect(scoreExperience(Number.NaN, 5, null).score).toBe(50);
    expect(scoreExperience(-3, 5, null).score).toBe(50);
  });

  it('reads a min above the max as swapped', () => {
    expect(scoreExperience(4, 5, 3)).toMatchObject({ score: 100, min: 3, max: 5 });
  });

  it('stays within 0-100 and never rises with a bigger shortfall (property)', () => {
    const years = fc.option(fc.double({ min: -5, max: 60, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(years, years, years, (candidate, min, max) => {
        const { score } = scoreExperience(candidate, min, max);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (a, b) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(scoreExperience(low, 30, null).score).toBeLessThanOrEqual(
          scoreExperience(high, 30, null).score,
        );
      }),
    );
  });
});
