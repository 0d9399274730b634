/**
 * The candidate's stated preferences applied to the location component:
 * - Work modes: a job whose arrangement (remote, hybrid, onsite) the candidate does not take scores at most
 *   WORK_MODE_MISMATCH, wherever it is; one they take, with no place to compare, scores 100 on that alone.
 * - Relocation: an on-site or hybrid job in another city of the country, or abroad, scores at least
 *   RELOCATION_SAME_COUNTRY / RELOCATION_ABROAD for a candidate open to relocation.
 */

import type { LocationMatch } from './location-score.js';
import type { WorkArrangement } from './types.js';

export const WORK_MODE_MISMATCH = 20;
export const RELOCATION_SAME_COUNTRY = 65;
export const RELOCATION_ABROAD = 45;

export interface CandidatePreferences {
  workModes: ReadonlySet<WorkArrangement>;
  relocation: boolean;
}

export function applyPreferences(
  location: LocationMatch,
  preferences: CandidatePreferences,
  arrangement: WorkArrangement | null,
): LocationMatch {
  const modes = preferences.workModes;
  if (modes.size > 0 && arrangement !== null) {
    const list = [...modes].join(' or ');
    if (!modes.has(arrangement)) {
      return {
        score:
          location.fit.kind === 'unknown' ? WORK_MODE_MISMATCH : Math.min(location.score, WORK_MODE_MISMATCH),
        fit: location.fit,
        note: `${arrangement} role; candidate works ${list}`,
      };
    }
    if (location.fit.kind === 'unknown')
      return { score: 100, fit: location.fit, note: `${arrangement} role, as the candidate works` };
  }
  const fit = location.fit;
  if (
    preferences.relocation &&
    arrangement !== 'remote' &&
    (fit.kind === 'residence' || fit.kind === 'preferred') &&
    (fit.proximity === 'country' || fit.proximity === 'elsewhere')
  ) {
    const floor = fit.proximity === 'country' ? RELOCATION_SAME_COUNTRY : RELOCATION_ABROAD;
    if (location.score < floor) return { score: floor, fit, note: 'candidate open to relocation' };
  }
  return location;
}
