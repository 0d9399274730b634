import type { Database } from '../db/database.js';
import { migrationStatus, readMigrations } from '../db/migrator.js';
import {
  type FailedTask,
  latestFailedTasks,
  latestScrapeSessions,
  type QueueHealth,
  queueBacklogs,
  type ScraperHealth,
  type WorkerHealth,
  workerHeartbeats,
} from './health-queries.js';
import { WORKER_ALIVE_SECONDS } from './worker-heartbeat.js';

export interface HealthReport {
  database: { engine: Database['engine']; location: string; reachable: true };
  migrations: { applied: number; pending: string[] };
  workers: WorkerHealth[];
  queues: QueueHealth[];
  failed_tasks: FailedTask[];
  scrapers: ScraperHealth[];
}

const migrations = readMigrations();

/** What an operator needs to act on: the database, the workers, the task backlog and failures, the scrapers. */
export async function healthReport(
  database: Database,
  options: { failedLimit?: number } = {},
): Promise<HealthReport> {
  const status = await migrationStatus(database, migrations);
  const workers = await workerHeartbeats(database.sql, WORKER_ALIVE_SECONDS);
  const queues = await queueBacklogs(database.sql);
  const failed = await latestFailedTasks(database.sql, options.failedLimit ?? 20);
  const scrapers = await latestScrapeSessions(database.sql);
  return {
    database: { engine: database.engine, location: database.location, reachable: true },
    migrations: {
      applied: status.filter((migration) => migration.applied).length,
      pending: status.filter((migration) => !migration.applied).map((migration) => migration.tag),
    },
    workers,
    queues,
    failed_tasks: failed,
    scrapers,
  };
}
