import { describe, expect, it } from 'vitest';
import { scoreMatch } from '../domain/scoring/index.js';
import { candidateFeaturesFromRow, jobFeaturesFromRow } from './load-features.js';

describe('features carry gazetteer points and the commute radius', () => {
  const candidate = candidateFeaturesFromRow({
    id: 1,
    tenant_id: 1,
    skills: ['Python', 'AWS', 'Docker'],
    total_experience_years: 5,
    expected_salary: null,
    location: 'Seattle, WA',
    preferred_locations: ['Portland, OR'],
    commute_radius_km: 30,
    embedding: null,
    embedding_model: null,
  });
  const job = (city: string, region: string) =>
    jobFeaturesFromRow({
      id: 2,
      title: 'Python Developer',
      skills: ['Python', 'AWS', 'Docker'],
      experience_min: null,
      experience_max: null,
      is_remote: false,
      work_arrangement: 'onsite',
      location_city: city,
      location_region: region,
      location_country: 'US',
      salary_min_annual: null,
      salary_max_annual: null,
      salary_currency: null,
      salary_range: null,
      embedding: null,
      embedding_model: null,
    });

  it('locates the residence, preferred places and the job city', () => {
    expect(candidate.commute_radius_km).toBe(30);
    expect(candidate.location?.point?.lat).toBeCloseTo(47.6, 1);
    expect(candidate.preferred_locations[0]?.point?.lon).toBeCloseTo(-122.7, 1);
    expect(job('Chicago', 'IL').location_point?.lat).toBeCloseTo(41.9, 1);
    expect(job('Nowhereville Qz', 'IL').location_point).toBeNull();
  });

  it('gives reasons naming the distance from the nearest of the candidate places', () => {
    expect(scoreMatch(candidate, job('Chicago', 'IL')).match_reasons).toContain(
      'On-site in Chicago, 2,790 km from Seattle',
    );
    expect(scoreMatch(candidate, job('Bellevue', 'WA')).match_reasons).toContain(
      'Within the 30 km commute radius: on-site in Bellevue, 10 km from Seattle',
    );
  });
});
