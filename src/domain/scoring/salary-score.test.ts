import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { salaryRange, scoreSalary } from './salary-score.js';

const usd = (min: number | null, max: number | null) => salaryRange(min, max, 'USD');

describe('salary score', () => {
  it('gives full marks when the job can pay the expectation, and never penalizes paying more', () => {
    expect(scoreSalary(usd(150_000, 180_000), usd(160_000, null))).toMatchObject({
      score: 100,
      fit: { kind: 'fits' },
    });
    expect(scoreSalary(usd(150_000, 180_000), usd(170_000, 200_000)).score).toBe(100);
    expect(scoreSalary(usd(250_000, 300_000), usd(100_000, 120_000)).score).toBe(100);
    expect(scoreSalary(usd(null, 180_000), usd(180_000, null)).score).toBe(100);
  });

  it('penalizes in proportion to how far the job falls short of the expected minimum', () => {
    expect(scoreSalary(usd(100_000, 120_000), usd(150_000, null))).toMatchObject({
      score: 60,
      fit: { kind: 'below' },
    });
    expect(scoreSalary(usd(135_000, null), usd(150_000, 160_000)).score).toBeCloseTo(80, 10);
    expect(scoreSalary(usd(50_000, 60_000), usd(150_000, null)).score).toBe(0);
    expect(scoreSalary(salaryRange(90, 100, 'INR'), salaryRange(100, null, 'INR')).score).toBe(100);
  });

  it('does not compare different currencies', () => {
    expect(scoreSalary(salaryRange(45_000, 50_000, 'GBP'), usd(150_000, null))).toEqual({
      score: 50,
      fit: { kind: 'currency-differs', jobCurrency: 'GBP', expectedCurrency: 'USD' },
    });
    expect(scoreSalary(salaryRange(45_000, 50_000, 'usd'), usd(40_000, null)).score).toBe(100);
  });

  it('is neutral when either side or a currency is unknown, or the amounts are junk', () => {
    expect(scoreSalary(usd(null, null), usd(100_000, null))).toMatchObject({
      score: 50,
      fit: { kind: 'unknown' },
    });
    expect(scoreSalary(usd(100_000, null), usd(null, null)).score).toBe(50);
    expect(scoreSalary(salaryRange(100_000, null, null), usd(100_000, null)).score).toBe(50);
    expect(scoreSalary(usd(-1, 0), usd(100_000, null)).score).toBe(50);
    expect(scoreSalary(usd(Number.NaN, null), usd(100_000, null)).score).toBe(50);
  });

  it('reads a min above the max as swapped', () => {
    expect(salaryRange(180_000, 150_000, ' usd ')).toEqual({ min: 150_000, max: 180_000, currency: 'USD' });
  });

  it('stays within 0-100 and never drops when the job pays more (property)', () => {
    const amount = fc.option(fc.integer({ min: -10, max: 500_000 }), { nil: null });
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount,
        fc.integer({ min: 0, max: 100_000 }),
        (a, b, c, d, raise) => {
          const expected = usd(c, d);
          const before = scoreSalary(usd(a, b), expected).score;
          expect(before).toBeGreaterThanOrEqual(0);
          expect(before).toBeLessThanOrEqual(100);
          if (a !== null && b !== null && a > 0 && b > 0) {
            expect(scoreSalary(usd(a + raise, b + raise), expected).score).toBeGreaterThanOrEqual(before);
          }
        },
      ),
    );
  });
});
