import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Database } from '../db/database.js';
import type { JobQueue } from '../worker/job-queue.js';
import { recordHeartbeat, removeHeartbeat } from './heartbeat-queries.js';
import { abandonedTasks } from './task-queries.js';

const BEAT_SECONDS = 10;
/** A worker not seen for this long is reported dead. */
export const WORKER_ALIVE_SECONDS = 3 * BEAT_SECONDS;

/** A task taken this recently may not be in its worker's heartbeat yet. */
const TAKEN_GRACE_SECONDS = 2 * BEAT_SECONDS;

export const ABANDONED_TASK_MESSAGE = 'the worker running it stopped (no heartbeat); retried';

/**
 * Records that this process runs background tasks, every few seconds until `stop()`, which removes it. With
 * `queue`, each beat lists the tasks this process has taken and fails (so retries) the tasks of workers that
 * stopped beating: a killed worker's task runs again within about 40 s.
 */
export async function startWorkerHeartbeat(
  database: Database,
  kind: 'serve' | 'worker',
  queue?: Pick<JobQueue, 'runningTasks' | 'fail'>,
): Promise<{ stop(): Promise<void> }> {
  const workerId = randomUUID();
  const beat = async () => {
    await recordHeartbeat(database.sql, {
      workerId,
      host: os.hostname(),
      pid: process.pid,
      kind,
      activeTasks: queue?.runningTasks() ?? [],
    });
    if (!queue) return;
    const abandoned = await abandonedTasks(database.sql, {
      aliveSeconds: WORKER_ALIVE_SECONDS,
      graceSeconds: TAKEN_GRACE_SECONDS,
    });
    if (abandoned.length > 0) await queue.fail(abandoned, ABANDONED_TASK_MESSAGE);
  };
  await beat();
  const timer = setInterval(() => {
    // A missed beat is harmless; the next one catches up, and a long outage shows the worker as dead.
    beat().catch(() => undefined);
  }, BEAT_SECONDS * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await removeHeartbeat(database.sql, workerId).catch(() => undefined);
    },
  };
}
