import type { Database } from '../db/database.js';
import {
  type JobImportBatch,
  jobImportBatchRepository,
} from '../db/repositories/job-import-batch.repository.js';

/**
 * Ends imports left `in_progress` by a process that died. The process opening an embedded data dir is its
 * only user at that moment (others reach it through this process's socket, later), so at its start every
 * unfinished import is dead; otherwise other processes may be importing, so only imports silent for longer
 * than `staleAfterSeconds` are.
 */
export function recoverInterruptedImports(
  database: Database,
  staleAfterSeconds: number,
  options: { opening?: boolean } = {},
): Promise<JobImportBatch[]> {
  const soleUser = options.opening === true && database.engine === 'pglite' && !database.throughHolder;
  return jobImportBatchRepository(database).recoverStale(soleUser ? 0 : staleAfterSeconds);
}
