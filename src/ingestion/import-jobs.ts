import { randomUUID } from 'node:crypto';
import type { Database, DbContext } from '../db/database.js';
import {
  type JobImportBatch,
  jobImportBatchRepository,
} from '../db/repositories/job-import-batch.repository.js';
import {
  jobImportErrorRepository,
  type NewImportError,
} from '../db/repositories/job-import-error.repository.js';
import { jobPostingRepository } from '../db/repositories/job-posting.repository.js';
import { roleJobMappingRepository } from '../db/repositories/role-job-mapping.repository.js';
import {
  applyMapping,
  type ColumnMapping,
  MappingError,
  mappingOptionsOf,
  resolveMapping,
} from '../domain/jobs/column-mapping.js';
import type { NormalizedJob } from '../domain/jobs/normalize-job.js';
import type { SkillMatcher } from '../domain/skills.js';
import { AppError } from '../errors.js';
import type { JobsImported } from '../events/events.js';
import { rolesForTitles } from '../roles/roles-for-titles.js';
import { type JobBatch, newJobBatch } from './job-batch.js';
import { ReadError, type ReadItem, type RecordFormat, readRecords } from './read-records.js';

export interface ImportProgress {
  rows: number;
  bytesRead: number;
  counts: ImportCounts;
}

export interface ImportCounts {
  new_jobs: number;
  updated_jobs: number;
  unchanged_jobs: number;
  failed_jobs: number;
}

export interface ImportJobsInput {
  source: NodeJS.ReadableStream | AsyncIterable<Buffer | Uint8Array>;
  fileName: string | null;
  format: RecordFormat;
  /**
   * The platform for rows that name none. Optional: JobSpy's `site` column names each row's own; without it
   * the batch is labelled with the rows' platform (or `mixed`).
   */
  platform?: string | undefined;
  mapping?: ColumnMapping | undefined;
  importedBy?: number | null;
  encoding?: 'auto' | 'utf-8' | 'windows-1252';
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportJobsDependencies {
  database: Database;
  skills: SkillMatcher;
  /** Rows written per transaction. */
  chunkSize?: number;
  /**
   * Runs inside each chunk's transaction with the new jobs of each role (role null: no role matched the
   * title), so `jobs/imported` goes out with the data, or not at all.
   */
  onJobsImported?: (tx: DbContext, event: Required<Omit<JobsImported, 'sessionId'>>) => Promise<void>;
}

export interface ImportResult {
  batch: JobImportBatch;
  errors: NewImportError[];
}

const REPORTED_ERRORS = 100;
/** How far the import looks ahead for a row that shows the file's day/month order, in rows and in bytes. */
const DATE_ORDER_LOOKAHEAD_ROWS = 2000;
const DATE_ORDER_LOOKAHEAD_BYTES = 16 * 1024 * 1024;
/** The batch label until the rows name their platform. */
const PLATFORM_FROM_ROWS = 'mixed';

/** "jobs_2024-12-17.csv", "indeed-20241217.csv": the day the file was scraped, for "3 days ago". */
export function scrapeDateOfFileName(fileName: string | null): string | null {
  const match = /(?<!\d)(20\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(fileName ?? '');
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** The deduplication key: (platform, external_job_id). */
const jobKey = (job: { platform: string; external_job_id: string }) =>
  `${job.platform}\u0000${job.external_job_id}`;

/**
 * Imports a job file as one batch: rows stream through parsing and are written in chunks, each chunk
 * (its jobs, its row errors and the batch counters) in one transaction, so a crash loses at most the
 * chunk being written and never leaves half a row. Bad rows are counted and reported; they never stop the rest.
 */
export async function importJobs(
  deps: ImportJobsDependencies,
  input: ImportJobsInput,
): Promise<ImportResult> {
  const chunkSize = deps.chunkSize ?? 2000;
  const batch = await jobImportBatchRepository(deps.database).create({
    batch_id: randomUUID(),
    platform: input.platform ?? PLATFORM_FROM_ROWS,
    file_name: input.fileName?.slice(0, 255) ?? null,
    format: input.format,
    imported_by: input.importedBy ?? null,
  });
  const reported: NewImportError[] = [];
  const totals: ImportCounts = { new_jobs: 0, updated_jobs: 0, unchanged_jobs: 0, failed_jobs: 0 };
  let rows = 0;

  let jobs: NormalizedJob[] = [];
  let keys = new Set<string>();
  let errors: NewImportError[] = [];
  let warnings: NewImportError[] = [];
  const rowPlatforms = new Set<string>();
  const jobBatch = newJobBatch({
    platform: input.platform,
    skills: deps.skills,
    referenceDate: scrapeDateOfFileName(input.fileName ?? null),
  });

  const flush = async () => {
    if (jobs.length === 0 && errors.length === 0 && warnings.length === 0) return;
    const chunkJobs = jobs;
    const chunkErrors = errors;
    const chunkWarnings = warnings;
    jobs = [];
    keys = new Set();
    errors = [];
    warnings = [];
    await deps.database.transaction(async (tx) => {
      const roleOfTitle = await rolesForTitles(tx.sql, new Set(chunkJobs.map((job) => job.title)));
      const written = await jobPostingRepository(tx).upsertMany(
        chunkJobs.map((job) => ({ ...job, normalized_role_id: roleOfTitle.get(job.title) ?? null })),
        { import_batch_id: batch.id },
      );
      await roleJobMappingRepository(tx).linkToTheirRoles(written.map((job) => job.id));
      const counts: ImportCounts = {
        new_jobs: written.filter((job) => job.outcome === 'new').length,
        updated_jobs: written.filter((job) => job.outcome === 'updated').length,
        unchanged_jobs: written.filter((job) => job.outcome === 'unchanged').length,
        failed_jobs: chunkErrors.length,
      };
      await jobImportErrorRepository(tx).insertMany(batch.id, [...chunkErrors, ...chunkWarnings]);
      await jobImportBatchRepository(tx).addCounts(batch.id, counts);
      // One event per chunk: matching finds whom each job is due for (its role's candidates, and the
      // candidates it is among the nearest jobs of), new and known jobs alike.
      if (deps.onJobsImported && written.length > 0) {
        await deps.onJobsImported(tx, {
          roleId: null,
          jobIds: written.map((job) => job.id),
          changedJobIds: written.filter((job) => job.outcome === 'updated').map((job) => job.id),
        });
      }
      for (const key of Object.keys(totals) as (keyof ImportCounts)[]) totals[key] += counts[key];
    });
    input.onProgress?.({ rows, bytesRead: reader.bytesRead(), counts: { ...totals } });
  };

  const fail = (error: NewImportError) => {
    errors.push(error);
    if (reported.length < REPORTED_ERRORS) reported.push(error);
  };
  const warn = (warning: NewImportError) => {
    warnings.push(warning);
    if (reported.length < REPORTED_ERRORS) reported.push(warning);
  };

  const reader = readRecords(input.source, { format: input.format, encoding: input.encoding ?? 'auto' });
  try {
    const { layout, mapping } = resolveMapping(await reader.headers(), input.mapping, {
      headersComplete: input.format === 'csv',
    });
    if (input.platform === undefined && mapping.platform === undefined) {
      throw new MappingError(
        'The rows name no platform (no platform column): give the platform of the file.',
      );
    }
    const mappingOptions = mappingOptionsOf(layout, input.format);
    const dateColumn = mapping.posted_date;
    const items = dateColumn === undefined ? reader : afterLearningDateOrder(reader, dateColumn, jobBatch);
    for await (const item of items) {
      rows += 1;
      if (item.kind === 'error') {
        fail({
          row_number: item.error.rowNumber,
          field: null,
          reason: item.error.reason,
          raw_record: item.error.raw,
        });
      } else {
        const result = jobBatch.normalize(applyMapping(item.record.values, mapping, mappingOptions));
        if (!result.ok) {
          fail({
            row_number: item.record.rowNumber,
            field: result.errors
              .map((problem) => problem.field)
              .join(', ')
              .slice(0, 100),
            reason: result.errors.map((problem) => `${problem.field} ${problem.message}`).join('; '),
            raw_record: item.record.raw,
          });
        } else {
          for (const problem of result.warnings) {
            warn({
              row_number: item.record.rowNumber,
              field: problem.field,
              reason: `${problem.field} ${problem.message}`,
              raw_record: null,
              severity: 'warning',
            });
          }
          rowPlatforms.add(result.job.platform);
          const key = jobKey(result.job);
          // The same job twice in one statement cannot be upserted: write the first, then let the repeat update it.
          if (keys.has(key)) await flush();
          keys.add(key);
          jobs.push(result.job);
        }
      }
      if (jobs.length + errors.length >= chunkSize) await flush();
    }
    await flush();
  } catch (error) {
    const message =
      error instanceof MappingError || error instanceof ReadError
        ? error.message
        : 'The import stopped on an unexpected error; rows written before it are kept.';
    await flushQuietly(flush);
    const finished = await jobImportBatchRepository(deps.database).finish(batch.id, {
      error_message: message,
      aborted: true,
    });
    if (error instanceof MappingError || error instanceof ReadError) {
      throw new AppError(
        'validation_failed',
        `${message} (import batch ${finished.id} ended as ${finished.import_status})`,
      );
    }
    throw error;
  }
  const finished = await jobImportBatchRepository(deps.database).finish(batch.id, {
    ...(input.platform === undefined && rowPlatforms.size === 1 ? { platform: [...rowPlatforms][0]! } : {}),
  });
  return { batch: finished, errors: reported };
}

/**
 * The items of `reader`, in order, after the file's day/month order has been learnt from the first row that
 * shows it (looking ahead a bounded number of rows), so that the ambiguous dates before that row follow it too.
 */
async function* afterLearningDateOrder(
  reader: AsyncIterable<ReadItem>,
  dateColumn: string,
  jobBatch: JobBatch,
): AsyncGenerator<ReadItem> {
  let held: ReadItem[] | null = [];
  let heldBytes = 0;
  for await (const item of reader) {
    if (held === null) {
      yield item;
      continue;
    }
    held.push(item);
    let settled = false;
    if (item.kind === 'record') {
      const value = item.record.values[dateColumn];
      if (typeof value === 'string') settled = jobBatch.learnDateOrder(value);
      for (const cell of Object.values(item.record.values)) {
        heldBytes += typeof cell === 'string' ? cell.length : 8;
      }
    }
    if (settled || held.length >= DATE_ORDER_LOOKAHEAD_ROWS || heldBytes >= DATE_ORDER_LOOKAHEAD_BYTES) {
      yield* held;
      held = null;
    }
  }
  if (held !== null) yield* held;
}

async function flushQuietly(flush: () => Promise<void>): Promise<void> {
  try {
    await flush();
  } catch {
    // the batch is ended as aborted below; what could not be written is counted as not written
  }
}
