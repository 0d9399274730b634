import type { Database } from '../db/database.js';
import { type Migration, migrationStatus } from '../db/migrator.js';
import { AppError } from '../errors.js';
import { queueBacklogs } from './health-queries.js';
import { countAliveWorkers } from './heartbeat-queries.js';
import { WORKER_ALIVE_SECONDS } from './worker-heartbeat.js';

export interface Readiness {
  status: 'ready';
  database: { engine: Database['engine']; migrationsApplied: number };
  workers: { alive: number };
  /** Per task queue: tasks waiting (with the oldest one's time), running and failed. */
  queues: { name: string; waiting: number; active: number; failed: number; oldestWaitingAt: string | null }[];
}

/**
 * Ready when the database answers and every migration is applied; 503 (`unavailable`) otherwise. Also says
 * whether background work is moving: the live workers and each queue's backlog (counts and times only: the
 * failed tasks' errors are on the admin health page).
 */
export async function checkReadiness(database: Database, migrations: Migration[]): Promise<Readiness> {
  let pending: string[];
  try {
    const status = await migrationStatus(database, migrations);
    pending = status.filter((migration) => !migration.applied).map((migration) => migration.tag);
  } catch (error) {
    throw new AppError('unavailable', 'The database is not reachable.', { cause: error });
  }
  if (pending.length > 0) {
    throw new AppError('unavailable', `Database migrations are pending: ${pending.join(', ')}.`);
  }
  return {
    status: 'ready',
    database: { engine: database.engine, migrationsApplied: migrations.length },
    workers: { alive: await countAliveWorkers(database.sql, WORKER_ALIVE_SECONDS) },
    queues: (await queueBacklogs(database.sql)).map((queue) => ({
      name: queue.name,
      waiting: queue.waiting,
      active: queue.active,
      failed: queue.failed,
      oldestWaitingAt: queue.oldest_waiting_at ? new Date(queue.oldest_waiting_at).toISOString() : null,
    })),
  };
}
