import fs from 'node:fs';
import { applyMapping, JOBSPY_MAPPING } from '../domain/jobs/column-mapping.js';
import { cleanRoleTokens } from '../domain/roles/clean-role-text.js';
import { buildRoleIndex, matchByText } from '../domain/roles/normalize-role.js';
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
 * Whether a posting is for the claimed role: its title maps to the role by the same text rules role
 * normalization uses, or carries every word of the role's name or of one of its aliases.
 */
export function jobFitsRole(title: string, role: ClaimedRole['role']): boolean {
  const index = buildRoleIndex([{ id: role.id, name: role.name, aliases: role.aliases }]);
  const decision = matchByText(index, title);
  if (decision?.kind === 'match') return true;
  const words = new Set(cleanRoleTokens(title).tokens);
  return [role.name, ...role.aliases].some((name) => {
    const tokens = cleanRoleTokens(name).tokens;
    return tokens.length > 0 && tokens.every((token) => words.has(token));
  });
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
