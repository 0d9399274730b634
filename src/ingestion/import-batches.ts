/** Reading import batches and their row errors (the admin API and `jobmatch imports`). */
import type { Database } from '../db/database.js';
import {
  type JobImportBatch,
  jobImportBatchRepository,
} from '../db/repositories/job-import-batch.repository.js';
import {
  type JobImportError,
  jobImportErrorRepository,
} from '../db/repositories/job-import-error.repository.js';
import { AppError } from '../errors.js';

export type { JobImportBatch, JobImportError };

/** Import batches, newest first. */
export function listImportBatches(
  database: Database,
  page: { limit?: number; offset?: number } = {},
): Promise<JobImportBatch[]> {
  return jobImportBatchRepository(database).list(page);
}

/** One batch with a page of its row errors and their total; 404 when there is no such batch. */
export async function getImportBatch(
  database: Database,
  id: number,
  errorsPage: { limit?: number; offset?: number },
): Promise<{ batch: JobImportBatch; errors: JobImportError[]; errorsTotal: number }> {
  const batch = await jobImportBatchRepository(database).findById(id);
  if (!batch) throw AppError.notFound(`Import batch ${id}`);
  const errorRepository = jobImportErrorRepository(database);
  return {
    batch,
    errors: await errorRepository.listForBatch(batch.id, errorsPage),
    errorsTotal: await errorRepository.countForBatch(batch.id),
  };
}
