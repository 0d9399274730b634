import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  candidateLocationProfile,
  jobLocationProfile,
  OUT_OF_REACH,
  scoreLocation,
} from './location-score.js';
import { scoreMatch } from './score-match.js';
import type { CandidateFeatures, JobFeatures, Place, WorkArrangement } from './types.js';

const SEATTLE: Place = {
  city: 'Seattle',
  region: 'WA',
  country: 'US',
  point: { lat: 47.60621, lon: -122.33207 },
};
const BELLEVUE: Place = {
  city: 'Bellevue',
  region: 'WA',
  country: 'US',
  point: { lat: 47.61038, lon: -122.20068 },
};
const TACOMA: Place = {
  city: 'Tacoma',
  region: 'WA',
  country: 'US',
  point: { lat: 47.25288, lon: -122.44429 },
};
const CHICAGO: Place = {
  city: 'Chicago',
  region: 'IL',
  country: 'US',
  point: { lat: 41.85003, lon: -87.65005 },
};
const VANCOUVER: Place = {
  city: 'Vancouver',
  region: 'BC',
  country: 'CA',
  point: { lat: 49.24966, lon: -123.11934 },
};

function located(
  residence: Place,
  job: Place,
  radius?: number | null,
  arrangement: WorkArrangement = 'onsite',
) {
  return scoreLocation(
    candidateLocationProfile(residence, [], false, radius),
    jobLocationProfile(false, arrangement, job),
  );
}

describe('location by distance', () => {
  it('scores a neighbouring city within the commute radius like the same city', () => {
    const near = located(SEATTLE, BELLEVUE);
    expect(near.score).toBe(100);
    expect(near.fit).toMatchObject({ proximity: 'city', distance: { band: 'commute' } });
  });

  it('bands by the candidate radius: a long commute scores like the region, farther like the country', () => {
    expect(located(SEATTLE, TACOMA, 30).fit).toMatchObject({
      proximity: 'region',
      distance: { band: 'long-commute' },
    });
    expect(located(SEATTLE, TACOMA, 20).fit).toMatchObject({
      proximity: 'country',
      distance: { band: 'relocation' },
    });
    expect(located(SEATTLE, TACOMA, 20).score).toBeLessThan(located(SEATTLE, TACOMA, 30).score);
    expect(located(SEATTLE, CHICAGO).score).toBe(50);
  });

  it('keeps a far job abroad out of reach, but a cross-border commute within reach', () => {
    expect(located(SEATTLE, VANCOUVER).score).toBe(OUT_OF_REACH);
    expect(located(SEATTLE, VANCOUVER, 200).score).toBe(100);
  });

  it('never scores a farther job higher for the same candidate (property)', () => {
    const point = fc.record({
      lat: fc.double({ min: 30, max: 50, noNaN: true }),
      lon: fc.double({ min: -120, max: -80, noNaN: true }),
    });
    fc.assert(
      fc.property(
        point,
        point,
        fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
        (a, b, radius) => {
          const home: Place = { city: 'Home', region: null, country: 'US', point: SEATTLE.point };
          const jobA: Place = { city: 'A', region: null, country: 'US', point: a };
          const jobB: Place = { city: 'B', region: null, country: 'US', point: b };
          const [nearer, farther] =
            Math.hypot(a.lat - SEATTLE.point!.lat, a.lon - SEATTLE.point!.lon) <=
            Math.hypot(b.lat - SEATTLE.point!.lat, b.lon - SEATTLE.point!.lon)
              ? [jobA, jobB]
              : [jobB, jobA];
          const sA = located(home, nearer, radius);
          const sB = located(home, farther, radius);
          const kmA = (sA.fit as { distance: { km: number } }).distance.km;
          const kmB = (sB.fit as { distance: { km: number } }).distance.km;
          if (kmA <= kmB) expect(sA.score).toBeGreaterThanOrEqual(sB.score);
          else expect(sB.score).toBeGreaterThanOrEqual(sA.score);
        },
      ),
    );
  });

  it('names the distance in the reason', () => {
    const candidate: CandidateFeatures = {
      id: 1,
      skills: ['Python'],
      total_experience_years: null,
      location: SEATTLE,
      preferred_locations: [],
      open_to_remote: false,
      expected_salary: null,
      embedding: null,
      embedding_model: null,
    };
    const job: JobFeatures = {
      id: 2,
      title: 'Python Developer',
      skills: ['Python'],
      experience_min: null,
      experience_max: null,
      is_remote: false,
      work_arrangement: 'onsite',
      location_city: 'Chicago',
      location_region: 'IL',
      location_country: 'US',
      location_point: CHICAGO.point,
      salary_min_annual: null,
      salary_max_annual: null,
      salary_currency: null,
      embedding: null,
      embedding_model: null,
    };
    expect(scoreMatch(candidate, job).match_reasons).toContain('On-site in Chicago, 2,790 km from Seattle');
    const near = scoreMatch(
      { ...candidate, commute_radius_km: 25 },
      { ...job, location_city: 'Bellevue', location_point: BELLEVUE.point },
    );
    expect(near.match_reasons).toContain(
      'Within the 25 km commute radius: on-site in Bellevue, 10 km from Seattle',
    );
  });
});
