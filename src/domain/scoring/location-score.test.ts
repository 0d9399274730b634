import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  candidateLocationProfile,
  jobLocationProfile,
  placeKey,
  REMOTE_NOT_OPEN,
  REMOTE_OTHER_COUNTRY,
  scoreLocation,
} from './location-score.js';
import type { Place, PreferredPlace, WorkArrangement } from './types.js';

const place = (city: string | null, region: string | null, country: string | null): Place => ({
  city,
  region,
  country,
});
const AUSTIN = place('Austin', 'TX', 'US');

function score(
  residence: Place | null,
  job: Place,
  options: {
    arrangement?: WorkArrangement | null;
    isRemote?: boolean;
    openToRemote?: boolean;
    preferred?: PreferredPlace[];
  } = {},
) {
  return scoreLocation(
    candidateLocationProfile(residence, options.preferred ?? [], options.openToRemote ?? false),
    jobLocationProfile(
      options.isRemote ?? false,
      options.arrangement === undefined ? 'onsite' : options.arrangement,
      job,
    ),
  );
}

describe('location score', () => {
  it('ranks same city > same region > same country > elsewhere', () => {
    expect(score(AUSTIN, AUSTIN).score).toBe(100);
    expect(score(place('Dallas', 'TX', 'US'), AUSTIN)).toMatchObject({
      score: 80,
      fit: { proximity: 'region' },
    });
    expect(score(place('Seattle', 'WA', 'US'), AUSTIN)).toMatchObject({
      score: 50,
      fit: { proximity: 'country' },
    });
    expect(score(place('London', null, 'GB'), AUSTIN)).toMatchObject({
      score: 15,
      fit: { proximity: 'elsewhere' },
    });
  });

  it('uses preferred locations when closer than the residence', () => {
    const preferred = [{ ...AUSTIN, is_remote: false }];
    expect(score(place('London', null, 'GB'), AUSTIN, { preferred })).toMatchObject({
      score: 90,
      fit: { kind: 'preferred', proximity: 'city' },
    });
    const region = [{ ...place(null, 'Texas', 'US'), is_remote: false }];
    expect(score(null, AUSTIN, { preferred: region })).toMatchObject({
      score: 75,
      fit: { kind: 'preferred' },
    });
    expect(score(AUSTIN, AUSTIN, { preferred })).toMatchObject({ score: 100, fit: { kind: 'residence' } });
  });

  it('normalizes city spellings, accents, state names and country names', () => {
    expect(score(place('New York City', null, null), place('New York', 'NY', 'US')).score).toBe(100);
    expect(score(place('NYC', 'New York', 'United States'), place('new york', 'NY', 'US')).score).toBe(100);
    expect(score(place('Montréal', null, 'Canada'), place('MONTREAL', 'QC', 'CA')).score).toBe(100);
    expect(score(place('St. Louis', 'MO', 'US'), place('Saint Louis', 'Missouri', 'USA')).score).toBe(100);
    expect(score(place(null, 'California', 'US'), place('San Jose', 'CA', 'US')).score).toBe(80);
    expect(score(place('Pune', null, 'IN'), place('Mumbai', null, 'India')).score).toBe(50);
  });

  it('does not call same-named cities in different regions or countries the same place', () => {
    expect(score(place('Portland', 'ME', 'US'), place('Portland', 'OR', 'US')).score).toBe(50);
    expect(score(place('London', 'ON', 'CA'), place('London', null, 'GB')).score).toBe(15);
  });

  it('fits remote roles to everyone open to remote', () => {
    expect(
      score(AUSTIN, place(null, null, null), { arrangement: 'remote', openToRemote: true }),
    ).toMatchObject({
      score: 100,
      fit: { kind: 'remote' },
    });
    expect(
      score(null, place(null, null, 'US'), { arrangement: null, isRemote: true, openToRemote: true }).score,
    ).toBe(100);
    const remotePreference = [{ ...place(null, null, null), is_remote: true }];
    expect(score(AUSTIN, AUSTIN, { arrangement: 'remote', preferred: remotePreference }).score).toBe(100);
  });

  it('scores remote roles low for candidates not open to remote, or living outside the job country', () => {
    expect(score(AUSTIN, place(null, null, 'US'), { arrangement: 'remote' }).score).toBe(REMOTE_NOT_OPEN);
    expect(
      score(place('Pune', null, 'IN'), place(null, null, 'US'), {
        arrangement: 'remote',
        openToRemote: true,
      }),
    ).toMatchObject({ score: REMOTE_OTHER_COUNTRY, fit: { jobCountry: 'US', candidateCountry: 'IN' } });
  });

  it('lets an explicit hybrid/onsite arrangement win over is_remote', () => {
    expect(score(AUSTIN, AUSTIN, { arrangement: 'hybrid', isRemote: true }).fit.kind).toBe('residence');
  });

  it('is neutral when either side has no place', () => {
    expect(score(null, AUSTIN)).toMatchObject({ score: 50, fit: { kind: 'unknown' } });
    expect(score(AUSTIN, place(null, null, null)).score).toBe(50);
    expect(score(place('Austin', null, null), place(null, null, 'US')).score).toBe(50);
    expect(placeKey(place(' ', 'Remote', null))).toMatchObject({ city: null });
    expect(placeKey(place('Remote', null, null))).toBeNull();
  });

  it('stays within 0-100 (property)', () => {
    const part = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: null });
    const anyPlace = fc.record({
      city: part(['Austin', 'Dallas', 'London', 'Pune', '', 'Remote']),
      region: part(['TX', 'Texas', 'England', 'CA']),
      country: part(['US', 'GB', 'IN', 'Canada']),
    });
    fc.assert(
      fc.property(
        fc.option(anyPlace, { nil: null }),
        anyPlace,
        fc.constantFrom('remote', 'hybrid', 'onsite', null),
        fc.boolean(),
        (residence, job, arrangement, openToRemote) => {
          const { score: value } = score(residence, job, { arrangement, openToRemote });
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});
