/** Reading import batches and their row errors (the admin API and `jobmatch imports`). */
import type { Database } from '../db/database.js';
import type { ListQuery } from '../db/list-page.js';
import {
  IMPORT_BATCH_LIST,
  type JobImportBatch,
  jobImportBatchRepository,
} from '../db/repositories/job-import-batch.repository.js';
import {
  type JobImportError,
  jobImportErrorRepository,
} from '../db/repositories/job-import-error.repository.js';
import { AppError } from '../errors.js';

export type { JobImportBatch, JobImportError };

/** What the import-batch list searches and sorts by (its query string is built from it). */
export { IMPORT_BATCH_LIST };

/** A page of import batches (newest first unless sorted otherwise) and how many match in all. */
export function listImportBatches(
  database: Database,
  query: ListQuery<keyof typeof IMPORT_BATCH_LIST.sort> = { limit: 50, offset: 0 },
): Promise<{ items: JobImportBatch[]; total: number }> {
  return jobImportBatchRepository(database).page(query);
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
