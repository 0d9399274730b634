import type { SqlExecutor } from '../db/database.js';
import { AppError } from '../errors.js';
import { TASK_QUEUE_SCHEMA } from '../worker/job-queue.js';

/**
 * Puts a failed background task back in its queue, as pg-boss's own `retry` does (state `retry`, one more
 * attempt allowed): the admin health page's retry button.
 */
export async function retryFailedTask(sql: SqlExecutor, id: string): Promise<{ id: string; queue: string }> {
  const { rows } = await sql.query<{ id: string; queue: string }>(
    `UPDATE ${TASK_QUEUE_SCHEMA}.job SET state = 'retry', retry_limit = retry_limit + 1, start_after = now()
     WHERE id = $1::uuid AND state = 'failed'
     RETURNING id::text AS id, name AS queue`,
    [id],
  );
  if (!rows[0]) throw new AppError('not_found', `No failed task ${id}: it may have been retried already.`);
  return rows[0];
}
