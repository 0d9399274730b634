import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commuteRadius, DEFAULT_COMMUTE_KM, distanceBand, distanceKm, formatDistance } from './distance.js';

const SEATTLE = { lat: 47.60621, lon: -122.33207 };
const CHICAGO = { lat: 41.85003, lon: -87.65005 };
const BELLEVUE = { lat: 47.61038, lon: -122.20068 };
const TACOMA = { lat: 47.25288, lon: -122.44429 };

const point = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('distance', () => {
  it('measures known city pairs', () => {
    expect(distanceKm(SEATTLE, CHICAGO)).toBeGreaterThan(2700);
    expect(distanceKm(SEATTLE, CHICAGO)).toBeLessThan(2800);
    expect(distanceKm(SEATTLE, BELLEVUE)).toBeCloseTo(9.9, 0);
    expect(formatDistance(distanceKm(SEATTLE, CHICAGO))).toBe('2,790 km');
    expect(formatDistance(9.87)).toBe('10 km');
  });

  it('is symmetric, zero on the same point and at most half the circumference', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = distanceKm(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.PI * 6371.0088 + 1e-6);
        expect(distanceKm(b, a)).toBeCloseTo(d, 6);
        expect(distanceKm(a, a)).toBe(0);
      }),
    );
  });

  it('bands by the commute radius: within, within twice, farther', () => {
    expect(distanceBand(distanceKm(SEATTLE, BELLEVUE), 50)).toBe('commute');
    expect(distanceBand(distanceKm(SEATTLE, TACOMA), 30)).toBe('long-commute');
    expect(distanceBand(distanceKm(SEATTLE, TACOMA), 20)).toBe('relocation');
    expect(distanceBand(distanceKm(SEATTLE, CHICAGO), 100)).toBe('relocation');
  });

  it('never puts a farther place in a closer band, and a larger radius never in a farther one', () => {
    const order = { commute: 0, 'long-commute': 1, relocation: 2 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (near, extra, radius, wider) => {
          expect(order[distanceBand(near, radius)]).toBeLessThanOrEqual(
            order[distanceBand(near + extra, radius)],
          );
          expect(order[distanceBand(near, radius + wider)]).toBeLessThanOrEqual(
            order[distanceBand(near, radius)],
          );
        },
      ),
    );
  });

  it('uses the default radius for a missing or unusable one', () => {
    expect(commuteRadius(null)).toBe(DEFAULT_COMMUTE_KM);
    expect(commuteRadius(0)).toBe(DEFAULT_COMMUTE_KM);
    expect(commuteRadius(Number.NaN)).toBe(DEFAULT_COMMUTE_KM);
    expect(commuteRadius(25)).toBe(25);
  });
});
