import type { SqlExecutor } from '../db/database.js';
import { TASK_QUEUE_SCHEMA } from '../worker/job-queue.js';

export interface WorkerHealth {
  host: string;
  pid: number;
  kind: string;
  started_at: Date;
  last_seen_at: Date;
  alive: boolean;
}

export interface QueueHealth {
  name: string;
  waiting: number;
  active: number;
  failed: number;
  oldest_waiting_at: Date | null;
}

export interface FailedTask {
  id: string;
  queue: string;
  failed_at: Date | null;
  retry_count: number;
  error: string | null;
}

export interface ScraperHealth {
  scraper_key_id: number;
  scraper_name: string;
  last_session_at: Date;
  last_status: string;
  last_error: string | null;
}

/** Every worker's last heartbeat, latest first; alive when seen within `aliveSeconds`. */
export async function workerHeartbeats(sql: SqlExecutor, aliveSeconds: number): Promise<WorkerHealth[]> {
  const { rows } = await sql.query<WorkerHealth>(
    `SELECT host, pid, kind, started_at, last_seen_at,
            last_seen_at > now() - make_interval(secs => $1) AS alive
     FROM worker_heartbeats ORDER BY last_seen_at DESC`,
    [aliveSeconds],
  );
  return rows;
}

/** Waiting, active and failed task counts of every queue, with its oldest waiting task's time. */
export async function queueBacklogs(sql: SqlExecutor): Promise<QueueHealth[]> {
  const { rows } = await sql.query<QueueHealth>(
    `SELECT q.name,
            count(*) FILTER (WHERE j.state IN ('created', 'retry'))::int AS waiting,
            count(*) FILTER (WHERE j.state = 'active')::int AS active,
            count(*) FILTER (WHERE j.state = 'failed')::int AS failed,
            min(j.created_on) FILTER (WHERE j.state IN ('created', 'retry')) AS oldest_waiting_at
     FROM ${TASK_QUEUE_SCHEMA}.queue q
     LEFT JOIN ${TASK_QUEUE_SCHEMA}.job j ON j.name = q.name
     GROUP BY q.name ORDER BY q.name`,
  );
  return rows;
}

/** The latest `limit` failed tasks with their error message. */
export async function latestFailedTasks(sql: SqlExecutor, limit: number): Promise<FailedTask[]> {
  const { rows } = await sql.query<FailedTask>(
    `SELECT id::text AS id, name AS queue, completed_on AS failed_at, retry_count,
            coalesce(output->>'message', output::text) AS error
     FROM ${TASK_QUEUE_SCHEMA}.job WHERE state = 'failed'
     ORDER BY completed_on DESC NULLS LAST LIMIT $1`,
    [limit],
  );
  return rows;
}

/** Each scraper key's latest session: when, its status and error. */
export async function latestScrapeSessions(sql: SqlExecutor): Promise<ScraperHealth[]> {
  const { rows } = await sql.query<ScraperHealth>(
    `SELECT DISTINCT ON (s.scraper_key_id) s.scraper_key_id, k.name AS scraper_name,
            s.started_at AS last_session_at, s.status AS last_status, s.error_message AS last_error
     FROM scrape_sessions s JOIN scraper_api_keys k ON k.id = s.scraper_key_id
     ORDER BY s.scraper_key_id, s.started_at DESC`,
  );
  return rows;
}
