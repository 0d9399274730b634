import type { Database } from '../db/database.js';
import { migrationStatus, readMigrations } from '../db/migrator.js';
import { TASK_QUEUE_SCHEMA } from '../worker/job-queue.js';
import { WORKER_ALIVE_SECONDS } from './worker-heartbeat.js';

export interface HealthReport {
  database: { engine: Database['engine']; location: string; reachable: true };
  migrations: { applied: number; pending: string[] };
  workers: {
    host: string;
    pid: number;
    kind: string;
    started_at: Date;
    last_seen_at: Date;
    alive: boolean;
  }[];
  queues: { name: string; waiting: number; active: number; failed: number; oldest_waiting_at: Date | null }[];
  failed_tasks: {
    id: string;
    queue: string;
    failed_at: Date | null;
    retry_count: number;
    error: string | null;
  }[];
  scrapers: {
    scraper_key_id: number;
    scraper_name: string;
    last_session_at: Date;
    last_status: string;
    last_error: string | null;
  }[];
}

const migrations = readMigrations();

/** What an operator needs to act on: the database, the workers, the task backlog and failures, the scrapers. */
export async function healthReport(
  database: Database,
  options: { failedLimit?: number } = {},
): Promise<HealthReport> {
  const status = await migrationStatus(database, migrations);
  const workers = await database.sql.query<HealthReport['workers'][number]>(
    `SELECT host, pid, kind, started_at, last_seen_at,
            last_seen_at > now() - make_interval(secs => $1) AS alive
     FROM worker_heartbeats ORDER BY last_seen_at DESC`,
    [WORKER_ALIVE_SECONDS],
  );
  const queues = await database.sql.query<HealthReport['queues'][number]>(
    `SELECT q.name,
            count(*) FILTER (WHERE j.state IN ('created', 'retry'))::int AS waiting,
            count(*) FILTER (WHERE j.state = 'active')::int AS active,
            count(*) FILTER (WHERE j.state = 'failed')::int AS failed,
            min(j.created_on) FILTER (WHERE j.state IN ('created', 'retry')) AS oldest_waiting_at
     FROM ${TASK_QUEUE_SCHEMA}.queue q
     LEFT JOIN ${TASK_QUEUE_SCHEMA}.job j ON j.name = q.name
     GROUP BY q.name ORDER BY q.name`,
  );
  const failed = await database.sql.query<HealthReport['failed_tasks'][number]>(
    `SELECT id::text AS id, name AS queue, completed_on AS failed_at, retry_count,
            coalesce(output->>'message', output::text) AS error
     FROM ${TASK_QUEUE_SCHEMA}.job WHERE state = 'failed'
     ORDER BY completed_on DESC NULLS LAST LIMIT $1`,
    [options.failedLimit ?? 20],
  );
  const scrapers = await database.sql.query<HealthReport['scrapers'][number]>(
    `SELECT DISTINCT ON (s.scraper_key_id) s.scraper_key_id, k.name AS scraper_name,
            s.started_at AS last_session_at, s.status AS last_status, s.error_message AS last_error
     FROM scrape_sessions s JOIN scraper_api_keys k ON k.id = s.scraper_key_id
     ORDER BY s.scraper_key_id, s.started_at DESC`,
  );
  return {
    database: { engine: database.engine, location: database.location, reachable: true },
    migrations: {
      applied: status.filter((migration) => migration.applied).length,
      pending: status.filter((migration) => !migration.applied).map((migration) => migration.tag),
    },
    workers: workers.rows,
    queues: queues.rows,
    failed_tasks: failed.rows,
    scrapers: scrapers.rows,
  };
}
