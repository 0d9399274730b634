import type { Database } from '../db/database.js';
import {
  type JobImportBatch,
  jobImportBatchRepository,
} from '../db/repositories/job-import-batch.repository.js';

/**
 * Ends imports left `in_progress` by a process that died. The embedded database has a single process, so
 * at start every unfinished import is dead; on a server, other processes may be importing, so only imports
 * silent for longer than `staleAfterSeconds` are.
 */
export function recoverInterruptedImports(
  database: Database,
  staleAfterSeconds: number,
): Promise<JobImportBatch[]> {
  return jobImportBatchRepository(database).recoverStale(
    database.engine === 'pglite' ? 0 : staleAfterSeconds,
  );
}
