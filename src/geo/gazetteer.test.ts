import { describe, expect, it } from 'vitest';
import { distanceKm } from '../domain/scoring/distance.js';
import { locate, placesNamed } from './gazetteer.js';

describe('gazetteer', () => {
  it('locates cities by name, narrowed by country and state', () => {
    const seattle = locate({ city: 'Seattle', region: 'WA', country: 'US' })!;
    const chicago = locate({ city: 'Chicago', region: 'IL', country: 'US' })!;
    expect(distanceKm(seattle, chicago)).toBeGreaterThan(2700);
    expect(distanceKm(seattle, chicago)).toBeLessThan(2800);
    const london = locate({ city: 'London', region: null, country: null })!;
    expect(london.lat).toBeCloseTo(51.5, 0);
    const ontario = locate({ city: 'London', region: null, country: 'CA' })!;
    expect(ontario.lon).toBeCloseTo(-81.2, 0);
    const portlandMaine = locate({ city: 'Portland', region: 'ME', country: 'US' })!;
    expect(portlandMaine.lon).toBeGreaterThan(-71);
    expect(locate({ city: 'São Paulo', region: null, country: 'BR' })).not.toBeNull();
  });

  it('returns null for no city, an unknown one, or a city not in the given country', () => {
    expect(locate({ city: null, region: 'WA', country: 'US' })).toBeNull();
    expect(locate({ city: 'Qwzxville', region: null, country: null })).toBeNull();
    expect(locate({ city: 'Seattle', region: null, country: 'FR' })).toBeNull();
  });

  it('lists the places of a name with country, region and population for parseLocation', () => {
    const aberdeen = placesNamed('Aberdeen');
    expect(aberdeen[0]).toMatchObject({ country: 'GB', region: 'Scotland' });
    expect(aberdeen.some((p) => p.country === 'US' && p.region === 'SD')).toBe(true);
    expect(placesNamed('Toronto')[0]).toMatchObject({ country: 'CA', region: 'ON' });
    expect(placesNamed('St. Louis')[0]).toMatchObject({ country: 'US', region: 'MO' });
    expect(placesNamed('Basel')).toEqual([{ country: 'CH', region: null, population: expect.any(Number) }]);
    expect(placesNamed('Qwzxville')).toEqual([]);
    expect(placesNamed(' ')).toEqual([]);
  });
});
