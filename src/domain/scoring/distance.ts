/**
 * Distance between places and its bands, for the location component. Pure: the points come from the
 * gazetteer (src/matching/gazetteer.ts) through the features.
 *
 * Bands, against the candidate's commute radius (DEFAULT_COMMUTE_KM when not stated):
 * - commute: within the radius, a daily commute;
 * - long-commute: within twice the radius, possible but long;
 * - relocation: farther, the candidate would have to move.
 */

export interface GeoPoint {
  lat: number;
  lon: number;
}

export const DEFAULT_COMMUTE_KM = 50;
/** Mean Earth radius (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;

export type DistanceBand = 'commute' | 'long-commute' | 'relocation';

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine), km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A usable radius: a positive finite number, else the default. */
export function commuteRadius(radiusKm: number | null | undefined): number {
  return typeof radiusKm === 'number' && Number.isFinite(radiusKm) && radiusKm > 0
    ? radiusKm
    : DEFAULT_COMMUTE_KM;
}

export function distanceBand(km: number, radiusKm: number): DistanceBand {
  if (km <= radiusKm) return 'commute';
  if (km <= 2 * radiusKm) return 'long-commute';
  return 'relocation';
}

/** "2,800 km" (rounded to tens beyond 100 km, where more digits only pretend precision). */
export function formatDistance(km: number): string {
  const rounded = km < 100 ? Math.round(km) : Math.round(km / 10) * 10;
  return `${rounded.toLocaleString('en-US')} km`;
}
