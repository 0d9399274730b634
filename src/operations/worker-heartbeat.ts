import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Database } from '../db/database.js';
import { recordHeartbeat, removeHeartbeat } from './heartbeat-queries.js';

const BEAT_SECONDS = 10;
/** A worker not seen for this long is reported dead. */
export const WORKER_ALIVE_SECONDS = 3 * BEAT_SECONDS;

/** Records that this process runs background tasks, every few seconds until `stop()`, which removes it. */
export async function startWorkerHeartbeat(
  database: Database,
  kind: 'serve' | 'worker',
): Promise<{ stop(): Promise<void> }> {
  const workerId = randomUUID();
  const beat = () => recordHeartbeat(database.sql, { workerId, host: os.hostname(), pid: process.pid, kind });
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
