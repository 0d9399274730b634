import fs from 'node:fs';
import { applyMapping, JOBSPY_MAPPING, mappingOptionsOf } from '../domain/jobs/column-mapping.js';
import { rolePartsOf, titleHasPartsOf } from '../domain/roles/alias-fit.js';
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
      source.jobspyCsv
        ? applyMapping(item.record.values, JOBSPY_MAPPING, mappingOptionsOf('jobspy', 'csv'))
        : item.record.values
    ) as JobInput;
    if (typeof job.title === 'string' && job.title.trim() !== '') jobs.push(job);
  }
  return jobs;
}

/**
 * The filter of postings for the claimed role. A title fits when, parsed into role phrase and noise, it reaches
 * the role by the rules role normalization uses (name, alias, typo, plain variant, relaxed team words)
 * confidently, and its parsed parts (function, specialties) are those of the role's name or of one of its
 * aliases. Bare role nouns ("Engineer", "Developer"), other specialties ("Quality Engineer") and titles outside
 * IT never fit an IT role.
 */
export function roleTitleFilter(role: ClaimedRole['role']): (title: string) => boolean {
  const catalog = buildRoleCatalog([
    { id: role.id, name: role.name, aliases: role.aliases, canonical: true, category: role.category },
  ]);
  const roleParts = [role.name, ...role.aliases].map(rolePartsOf);
  return (title) => {
    const decision = decideTitle(catalog, title);
    return (
      decision.kind === 'match' &&
      decision.confidence >= WORDED_LINK_CONFIDENCE &&
      titleHasPartsOf(rolePartsOf(title), roleParts)
    );
  };
}

export function jobFitsRole(title: string, role: ClaimedRole['role']): boolean {
  return roleTitleFilter(role)(title);
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
    const fits = roleTitleFilter(claimed.role);
    const fitting = jobs.filter((job) => fits(job.title));
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
