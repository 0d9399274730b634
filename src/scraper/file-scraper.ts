import fs from 'node:fs';
import { applyMapping, JOBSPY_MAPPING } from '../domain/jobs/column-mapping.js';
import { buildRoleCatalog, decideTitle, WORDED_LINK_CONFIDENCE } from '../domain/roles/decide-role.js';
import { AppError } from '../errors.js';
import type { JobInput } from '../ingestion/job-input.js';
import { readRecords } from '../ingestion/read-records.js';
import type { ClaimedRole } from './claim-next-role.js';
import type { ScraperClient, SessionResult } from './client.js';

/** Jobs from a JobSpy CSV (its output unchanged) or a JSON array in Jobmatch's job schema. */
export async function loadJobsFile(source: { jobspyCsv?: string; jobsJson?: string }): Promise<JobInput[]> {
  const file = source.jobspyCsv ?? source.jobsJson;
  if (!file) throw new AppError('bad_request', 'Give --jobspy-csv FILE or --jobs-json FILE.');
  if (!fs.existsSync(file)) throw new AppError('not_found', `File not found: ${file}`);
  const jobs: JobInput[] = [];
  const reader = readRecords(fs.createReadStream(file), { format: source.jobspyCsv ? 'csv' : 'json' });
  for await (const item of reader) {
    if (item.kind === 'error') continue;
    const job = (
      source.jobspyCsv ? applyMapping(item.record.values, JOBSPY_MAPPING) : item.record.values
    ) as JobInput;
    if (typeof job.title === 'string' && job.title.trim() !== '') jobs.push(job);
  }
  return jobs;
}

/**
 * Whether a posting is for the claimed role: its title, parsed into role phrase and noise, reaches the role by
 * the rules role normalization uses (name, alias, typo, plain variant, relaxed team words), confidently. Bare
 * role nouns ("Engineer", "Developer") and titles outside IT never fit an IT role on their own words.
 */
export function jobFitsRole(title: string, role: ClaimedRole['role']): boolean {
  const catalog = buildRoleCatalog([
    { id: role.id, name: role.name, aliases: role.aliases, canonical: true, category: role.category },
  ]);
  const decision = decideTitle(catalog, title);
  return decision.kind === 'match' && decision.confidence >= WORDED_LINK_CONFIDENCE;
}

export interface FileScraperReport {
  session: ClaimedRole;
  posted: number;
  result: SessionResult | null;
  error: string | null;
}

/** Claims roles until the queue is empty; for each, posts the file's jobs that fit the role. */
export async function runFileScraper(
  client: ScraperClient,
  jobs: readonly JobInput[],
  options: { maxSessions?: number; onSession?: (report: FileScraperReport) => void } = {},
): Promise<FileScraperReport[]> {
  const reports: FileScraperReport[] = [];
  while (reports.length < (options.maxSessions ?? Number.POSITIVE_INFINITY)) {
    const claimed = await client.claim();
    if (!claimed) break;
    const fitting = jobs.filter((job) => jobFitsRole(job.title, claimed.role));
    let report: FileScraperReport;
    try {
      report = {
        session: claimed,
        posted: fitting.length,
        result: await client.postJobs(claimed.session_id, fitting),
        error: null,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await client.fail(claimed.session_id, message).catch(() => undefined);
      report = { session: claimed, posted: fitting.length, result: null, error: message };
    }
    reports.push(report);
    options.onSession?.(report);
  }
  return reports;
}
