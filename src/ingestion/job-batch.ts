import type { JobRecord } from '../domain/jobs/job-record.js';
import {
  type NormalizeContext,
  type NormalizeResult,
  normalizeJobRecord,
} from '../domain/jobs/normalize-job.js';
import { learnDateOrder, newDateOrderEvidence } from '../domain/jobs/posted-date.js';
import { newCountryEvidence } from '../domain/location.js';
import type { SkillMatcher } from '../domain/skills.js';
import { placesNamed } from '../geo/gazetteer.js';

/**
 * How the rows of one batch are normalized, whichever path stores them: an import file, a scraper's post of
 * jobs (HTTP), the demo load, and `jobmatch parse` (whose texts of one run are one batch). Every path gets the
 * same evidence from outside the row: the gazetteer (a bare city gets its country), the countries of the
 * batch's earlier rows (ambiguous codes lean to them), the batch's day/month order and the day relative dates
 * count back from. So the same posting is stored with the same parsed fields however it arrives.
 */
export interface JobBatch {
  readonly context: NormalizeContext;
  /** Learns the batch's day/month order from a posted date before the rows are normalized; true once settled. */
  learnDateOrder(text: string): boolean;
  normalize(record: JobRecord): NormalizeResult;
}

export interface JobBatchOptions {
  /** Used for rows that name no platform of their own. */
  platform?: string | undefined;
  skills: SkillMatcher;
  /** The day relative dates count back from (a file's scrape date); the day the batch is read when absent. */
  referenceDate?: string | null;
}

export function newJobBatch(options: JobBatchOptions): JobBatch {
  const dateOrder = newDateOrderEvidence();
  const context: NormalizeContext = {
    platform: options.platform,
    skills: options.skills,
    referenceDate: options.referenceDate ?? new Date().toISOString().slice(0, 10),
    dateOrder,
    places: placesNamed,
    countries: newCountryEvidence(),
  };
  return {
    context,
    learnDateOrder: (text) => learnDateOrder(text, dateOrder),
    normalize: (record) => normalizeJobRecord(record, context),
  };
}
