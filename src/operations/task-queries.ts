import type { SqlExecutor } from '../db/database.js';
import { AppError } from '../errors.js';
import { TASK_QUEUE_SCHEMA } from '../worker/job-queue.js';

/**
 * Puts a failed background task back in its queue, as pg-boss's own `retry` does (state `retry`, one more
 * attempt allowed): the admin health page's retry button.
 */
export async function retryFailedTask(
  { sql }: { sql: SqlExecutor },
  id: string,
): Promise<{ id: string; queue: string }> {
  const { rows } = await sql.query<{ id: string; queue: string }>(
    `UPDATE ${TASK_QUEUE_SCHEMA}.job SET state = 'retry', retry_limit = retry_limit + 1, start_after = now()
     WHERE id = $1::uuid AND state = 'failed'
     RETURNING id::text AS id, name AS queue`,
    [id],
  );
  if (!rows[0]) throw new AppError('not_found', `No failed task ${id}: it may have been retried already.`);
  return rows[0];
}

/**
 * Tasks pg-boss holds as active that no live worker lists in its heartbeat: their worker died (or its row is
 * gone). A task taken within `graceSeconds` is left alone, as its worker may not have beaten since.
 */
export async function abandonedTasks(
  sql: SqlExecutor,
  options: { aliveSeconds: number; graceSeconds: number },
): Promise<{ id: string; queue: string }[]> {
  const { rows } = await sql.query<{ id: string; queue: string }>(
    `SELECT j.id::text AS id, j.name AS queue
     FROM ${TASK_QUEUE_SCHEMA}.job j
     WHERE j.state = 'active' AND j.started_on < now() - make_interval(secs => $2)
       AND NOT EXISTS (
         SELECT 1 FROM worker_heartbeats w
         WHERE w.last_seen_at > now() - make_interval(secs => $1) AND j.id = ANY (w.active_tasks))`,
    [options.aliveSeconds, options.graceSeconds],
  );
  return rows;
}
