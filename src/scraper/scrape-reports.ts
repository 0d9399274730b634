import type { DbContext } from '../db/database.js';

export interface QueueRole {
  id: number;
  name: string;
  category: string | null;
  queue_status: string;
  priority: string;
  candidate_count: number;
  total_jobs_scraped: number;
  last_scraped_at: Date | null;
  scrape_failures: number;
  last_scrape_error: string | null;
}

/** The scrape queue as an admin sees it: what is next first. */
export async function listQueue(
  ctx: DbContext,
  filter: { status?: string; limit: number; offset: number },
): Promise<{ items: QueueRole[]; total: number }> {
  const { rows } = await ctx.sql.query<QueueRole & { total: number }>(
    `SELECT id, name, category, queue_status, priority, candidate_count, total_jobs_scraped, last_scraped_at,
            scrape_failures, last_scrape_error, count(*) OVER ()::int AS total
     FROM global_roles WHERE ($1::text IS NULL OR queue_status = $1)
     ORDER BY CASE queue_status WHEN 'processing' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END,
              CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
              candidate_count DESC, last_scraped_at ASC NULLS FIRST, id
     LIMIT $2 OFFSET $3`,
    [filter.status ?? null, filter.limit, filter.offset],
  );
  return { items: rows.map(({ total: _total, ...role }) => role), total: rows[0]?.total ?? 0 };
}

export interface SessionFilter {
  scraper_key_id?: number | undefined;
  role_id?: number | undefined;
  status?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

const SESSION_WHERE = `($1::int IS NULL OR scraper_key_id = $1) AND ($2::int IS NULL OR global_role_id = $2)
  AND ($3::text IS NULL OR status = $3) AND ($4::timestamptz IS NULL OR started_at >= $4)
  AND ($5::timestamptz IS NULL OR started_at < $5)`;
const sessionParams = (f: SessionFilter) => [
  f.scraper_key_id ?? null,
  f.role_id ?? null,
  f.status ?? null,
  f.from ?? null,
  f.to ?? null,
];

export interface SessionRow {
  id: number;
  session_id: string;
  scraper_key_id: number;
  scraper_name: string | null;
  global_role_id: number | null;
  role_name: string | null;
  status: string;
  started_at: Date;
  completed_at: Date | null;
  duration_seconds: number | null;
  jobs_found: number | null;
  jobs_imported: number | null;
  jobs_skipped: number | null;
  jobs_failed: number | null;
  error_message: string | null;
}

export async function listSessions(
  ctx: DbContext,
  filter: SessionFilter & { limit: number; offset: number },
): Promise<{ items: SessionRow[]; total: number }> {
  const { rows } = await ctx.sql.query<SessionRow & { total: number }>(
    `SELECT id, session_id, scraper_key_id, scraper_name, global_role_id, role_name, status, started_at, completed_at,
            duration_seconds, jobs_found, jobs_imported, jobs_skipped, jobs_failed, error_message, count(*) OVER ()::int AS total
     FROM scrape_sessions WHERE ${SESSION_WHERE}
     ORDER BY started_at DESC, id DESC LIMIT $6 OFFSET $7`,
    [...sessionParams(filter), filter.limit, filter.offset],
  );
  return { items: rows.map(({ total: _total, ...session }) => session), total: rows[0]?.total ?? 0 };
}

export interface ScraperSummary {
  scraper_key_id: number;
  scraper_name: string | null;
  sessions: number;
  completed: number;
  failed: number;
  timed_out: number;
  in_progress: number;
  jobs_found: number;
  jobs_imported: number;
  jobs_per_session: number | null;
  failure_rate: number | null;
  timeout_rate: number | null;
  median_duration_seconds: number | null;
}

/** Per-scraper performance over the filtered sessions; rates are over finished sessions. */
export async function summarizeScrapers(ctx: DbContext, filter: SessionFilter): Promise<ScraperSummary[]> {
  const { rows } = await ctx.sql.query<ScraperSummary>(
    `SELECT scraper_key_id, max(scraper_name) AS scraper_name, count(*)::int AS sessions,
            count(*) FILTER (WHERE status = 'completed')::int AS completed,
            count(*) FILTER (WHERE status = 'failed')::int AS failed,
            count(*) FILTER (WHERE status = 'timeout')::int AS timed_out,
            count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
            coalesce(sum(jobs_found), 0)::int AS jobs_found, coalesce(sum(jobs_imported), 0)::int AS jobs_imported,
            round(avg(jobs_found) FILTER (WHERE status = 'completed'), 2)::float8 AS jobs_per_session,
            round(count(*) FILTER (WHERE status = 'failed')::numeric
                  / nullif(count(*) FILTER (WHERE status <> 'in_progress'), 0), 4)::float8 AS failure_rate,
            round(count(*) FILTER (WHERE status = 'timeout')::numeric
                  / nullif(count(*) FILTER (WHERE status <> 'in_progress'), 0), 4)::float8 AS timeout_rate,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_seconds)
              FILTER (WHERE status = 'completed')::float8 AS median_duration_seconds
     FROM scrape_sessions WHERE ${SESSION_WHERE}
     GROUP BY scraper_key_id ORDER BY sessions DESC, scraper_key_id`,
    sessionParams(filter),
  );
  return rows;
}
