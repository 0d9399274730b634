import type { Database } from '../db/database.js';
import { type Migration, migrationStatus } from '../db/migrator.js';
import { AppError } from '../errors.js';
import { countAliveWorkers } from './heartbeat-queries.js';
import { WORKER_ALIVE_SECONDS } from './worker-heartbeat.js';

export interface Readiness {
  status: 'ready';
  database: { engine: Database['engine']; migrationsApplied: number };
  workers: { alive: number };
}

/** Ready when the database answers and every migration is applied; 503 (`unavailable`) otherwise. */
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
  };
}
