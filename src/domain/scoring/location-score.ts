/**
 * Location component.
 *
 * - Remote job (work_arrangement 'remote', or is_remote when the arrangement is unknown): 100 for a candidate
 *   open to remote (open_to_remote, or a remote preferred location); REMOTE_OTHER_COUNTRY when the job names
 *   a country and the candidate lives in another (remote postings are usually limited to their country);
 *   REMOTE_NOT_OPEN for a candidate who is not open to remote.
 * - Hybrid, onsite or unknown arrangement: the closest of the candidate's residence and preferred locations,
 *   see PROXIMITY_SCORES; NEUTRAL_SCORE when either side has no place.
 * - Places both located by the gazetteer (a `point`) are compared by distance against the candidate's commute
 *   radius (distance.ts): within it as the same city, within twice it as the same region, farther as the same
 *   country when the countries agree, else elsewhere; the reason names the distance.
 * - Other places are compared part by part, only where both sides know the part: a different country, or a
 *   different region, rules out anything closer. Each part is canonicalized by `parseLocation` ("NYC" →
 *   New York, "California" → CA, "Deutschland" → DE), then folded: case, accents, punctuation, "St." =
 *   "Saint", a trailing "City" ("New York City" = "New York"). "Region" stands in for the metro area.
 */

import { parseLocation } from '../location.js';
import { commuteRadius, type DistanceBand, distanceBand, distanceKm, type GeoPoint } from './distance.js';
import { NEUTRAL_SCORE } from './score-scale.js';
import type { Place, PreferredPlace, WorkArrangement } from './types.js';

export const REMOTE_NOT_OPEN = 30;
export const REMOTE_OTHER_COUNTRY = 50;

export type Proximity = 'city' | 'region' | 'country' | 'elsewhere';

/** An on-site or hybrid job in a country the candidate neither lives in nor asks for. */
export const OUT_OF_REACH = 15;

const PROXIMITY_SCORES: Readonly<Record<'residence' | 'preferred', Record<Proximity, number>>> = {
  residence: { city: 100, region: 80, country: 50, elsewhere: OUT_OF_REACH },
  preferred: { city: 90, region: 75, country: 50, elsewhere: OUT_OF_REACH },
};

/** A place with comparison keys; `name` holds the canonical spelling for reasons. */
export interface PlaceKey {
  city: string | null;
  region: string | null;
  country: string | null;
  name: Place;
  point: GeoPoint | null;
}

export interface CandidateLocationProfile {
  residence: PlaceKey | null;
  preferred: PlaceKey[];
  opensToRemote: boolean;
  commuteRadiusKm: number;
}

export interface JobLocationProfile {
  isRemote: boolean;
  arrangement: WorkArrangement | null;
  place: PlaceKey | null;
}

export type LocationFit =
  | { kind: 'remote' | 'remote-not-open' | 'unknown' }
  | { kind: 'remote-other-country'; jobCountry: string; candidateCountry: string }
  | {
      kind: 'residence' | 'preferred';
      proximity: Proximity;
      place: Place;
      /** When both places were located: how far, from which of the candidate's places, in which band. */
      distance?: { km: number; from: Place; band: DistanceBand; radiusKm: number };
    };

export interface LocationMatch {
  score: number;
  fit: LocationFit;
  /** What the candidate's stated preferences changed (see preferences.ts). */
  note?: string;
}

const ISO_COUNTRY_CODE = /^[A-Za-z]{2}$/;

function cleanText(text: string | null | undefined): string | null {
  const trimmed = text?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^st /, 'saint ');
}

/** A city name folded for comparison: case, accents, punctuation, "St." = "Saint", a trailing "City". */
export function cityKey(city: string): string {
  return foldKey(city).replace(/ city$/, '');
}

function canonicalCity(text: string | null): string | null {
  if (text === null) return null;
  const parsed = parseLocation(text);
  if (parsed.city) return parsed.city;
  // "Remote", "Hybrid" or a lone region or country in the city field is no city.
  return parsed.is_remote || parsed.region || parsed.country || parsed.raw === null ? null : text;
}

function canonicalRegion(text: string | null): string | null {
  return text === null ? null : (parseLocation(text).region ?? text);
}

function canonicalCountry(text: string | null): string | null {
  if (text === null) return null;
  // Checked first: the parser reads a lone "IN" as the US state.
  if (ISO_COUNTRY_CODE.test(text)) return text.toUpperCase();
  return parseLocation(text).country ?? text;
}

/** Canonical place with comparison keys; null when no part is known. */
export function placeKey(place: Place | null | undefined): PlaceKey | null {
  if (!place) return null;
  const city = canonicalCity(cleanText(place.city));
  const region = canonicalRegion(cleanText(place.region));
  const country = canonicalCountry(cleanText(place.country));
  if (city === null && region === null && country === null) return null;
  return {
    city: city === null ? null : cityKey(city),
    region: region === null ? null : foldKey(region),
    country: country === null ? null : foldKey(country),
    name: { city, region, country },
    point: place.point ?? null,
  };
}

export function candidateLocationProfile(
  residence: Place | null,
  preferred: readonly PreferredPlace[],
  openToRemote: boolean,
  commuteRadiusKm?: number | null,
): CandidateLocationProfile {
  const preferredKeys: PlaceKey[] = [];
  for (const place of preferred) {
    const key = placeKey(place);
    if (key !== null) preferredKeys.push(key);
  }
  return {
    residence: placeKey(residence),
    preferred: preferredKeys,
    opensToRemote: openToRemote || preferred.some((place) => place.is_remote),
    commuteRadiusKm: commuteRadius(commuteRadiusKm),
  };
}

export function jobLocationProfile(
  isRemote: boolean,
  arrangement: WorkArrangement | null,
  place: Place,
): JobLocationProfile {
  return {
    isRemote: arrangement === 'remote' || (arrangement === null && isRemote),
    arrangement,
    place: placeKey(place),
  };
}

/** How close two places are, judged only on the parts both know; null when they share no known part. */
export function proximity(a: PlaceKey, b: PlaceKey): Proximity | null {
  const sameCountry = a.country !== null && b.country !== null ? a.country === b.country : null;
  const sameRegion = a.region !== null && b.region !== null ? a.region === b.region : null;
  const sameCity = a.city !== null && b.city !== null ? a.city === b.city : null;
  if (sameCountry === false) return 'elsewhere';
  if (sameRegion === false) return sameCountry ? 'country' : 'elsewhere';
  if (sameCity === true) return 'city';
  if (sameRegion === true) return 'region';
  if (sameCountry === true) return 'country';
  if (sameCity === false) return 'elsewhere';
  return null;
}

const UNKNOWN: LocationMatch = { score: NEUTRAL_SCORE, fit: { kind: 'unknown' } };

function scoreRemote(candidate: CandidateLocationProfile, job: JobLocationProfile): LocationMatch {
  if (!candidate.opensToRemote) return { score: REMOTE_NOT_OPEN, fit: { kind: 'remote-not-open' } };
  const jobCountry = job.place?.country;
  const candidateCountry = candidate.residence?.country;
  if (jobCountry && candidateCountry && jobCountry !== candidateCountry) {
    return {
      score: REMOTE_OTHER_COUNTRY,
      fit: {
        kind: 'remote-other-country',
        jobCountry: job.place?.name.country ?? jobCountry,
        candidateCountry: candidate.residence?.name.country ?? candidateCountry,
      },
    };
  }
  return { score: 100, fit: { kind: 'remote' } };
}

const BAND_PROXIMITY: Readonly<Record<DistanceBand, Proximity>> = {
  commute: 'city',
  'long-commute': 'region',
  relocation: 'country',
};

function closer(
  best: LocationMatch,
  source: 'residence' | 'preferred',
  place: PlaceKey,
  jobPlace: PlaceKey,
  radiusKm: number,
): LocationMatch {
  let level = proximity(place, jobPlace);
  let distance: { km: number; from: Place; band: DistanceBand; radiusKm: number } | undefined;
  if (place.point !== null && jobPlace.point !== null) {
    const km = distanceKm(place.point, jobPlace.point);
    const band = distanceBand(km, radiusKm);
    const sameCountry = place.country !== null && place.country === jobPlace.country;
    level = band === 'relocation' && !sameCountry ? 'elsewhere' : BAND_PROXIMITY[band];
    distance = { km, from: place.name, band, radiusKm };
  }
  if (level === null) return best;
  const score = PROXIMITY_SCORES[source][level];
  if (best.fit.kind !== 'unknown' && score <= best.score) return best;
  const fit: LocationFit =
    distance === undefined
      ? { kind: source, proximity: level, place: jobPlace.name }
      : { kind: source, proximity: level, place: jobPlace.name, distance };
  return { score, fit };
}

export function scoreLocation(candidate: CandidateLocationProfile, job: JobLocationProfile): LocationMatch {
  if (job.isRemote) return scoreRemote(candidate, job);
  const jobPlace = job.place;
  if (jobPlace === null) return UNKNOWN;
  let best = UNKNOWN;
  const radius = candidate.commuteRadiusKm;
  if (candidate.residence !== null) best = closer(best, 'residence', candidate.residence, jobPlace, radius);
  for (const place of candidate.preferred) best = closer(best, 'preferred', place, jobPlace, radius);
  return best;
}
