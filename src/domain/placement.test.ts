import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placementMargin } from './placement.js';

describe('placementMargin', () => {
  it('is bill minus pay, as a share of the bill rate, for a contract', () => {
    expect(placementMargin({ payRate: 60, billRate: 80 })).toEqual({ margin: 20, marginPercent: 25 });
    expect(placementMargin({ payRate: 90, billRate: 80 })).toEqual({ margin: -10, marginPercent: -12.5 });
  });

  it('is the fee, as a share of the salary, for a permanent placement', () => {
    expect(placementMargin({ payRate: 100_000, fee: 20_000 })).toEqual({ margin: 20_000, marginPercent: 20 });
    expect(placementMargin({ payRate: 0, fee: 5_000 })).toEqual({ margin: 5_000, marginPercent: null });
  });

  it('never exceeds 100% of a positive bill rate and keeps cents', () => {
    const amount = fc.double({ min: 0, max: 1_000_000, noNaN: true });
    fc.assert(
      fc.property(amount, amount, (payRate, billRate) => {
        const { margin, marginPercent } = placementMargin({ payRate, billRate });
        expect(Math.abs(margin * 100 - Math.round(margin * 100))).toBeLessThan(1e-6);
        // A bill rate under half a cent is no bill rate: there is no share of it.
        if (Math.round(billRate * 100) > 0) expect(marginPercent!).toBeLessThanOrEqual(100);
        else expect(marginPercent).toBeNull();
      }),
    );
  });
});
