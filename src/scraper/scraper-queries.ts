import type { DbContext } from '../db/database.js';
import { type ListQuery, type ListSpec, listPage } from '../db/list-page.js';
import type { ScraperApiKey } from '../db/repositories/scraper-api-key.repository.js';
import type { SearchHints } from './claim-next-role.js';
import type { LockedSession, SessionResult } from './complete-session.js';
import type { QueueRole, ScraperSummary, SessionFilter, SessionRow } from './scrape-reports.js';

/** SET clause for a role whose scrape failed: counted, its error kept, back to `pending` or, at the cap, `failed`. */
export const failedAttempt = (errorParam: string, capParam: string) =>
  `scrape_failures = scrape_failures + 1, last_scrape_error = ${errorParam},
   queue_status = CASE WHEN scrape_failures + 1 >= ${capParam} THEN 'failed' ELSE 'pending' END, updated_at = now()`;

/** Ends a scrape session `failed` with the scraper's message and its duration. */
export async function markSessionFailed(
  tx: DbContext,
  sessionId: number,
  errorMessage: string,
): Promise<void> {
  await tx.sql.query(
    `UPDATE scrape_sessions SET status = 'failed', error_message = $2, completed_at = now(),
         duration_seconds = GREATEST(0, round(extract(epoch FROM now() - started_at)))::int, updated_at = now()
       WHERE id = $1`,
    [sessionId, errorMessage],
  );
}

/** Counts a failed scrape of a role being scraped: back to `pending`, or `failed` at `maxAttempts`. */
export async function recordRoleScrapeFailure(
  tx: DbContext,
  roleId: number,
  errorMessage: string,
  maxAttempts: number,
): Promise<void> {
  await tx.sql.query(
    `UPDATE global_roles SET ${failedAttempt('$2', '$3')} WHERE id = $1 AND queue_status = 'processing'`,
    [roleId, errorMessage, maxAttempts],
  );
}

/** Sessions past their lease become `timeout` and their roles count a failure (unless another session holds them); how many expired. */
export async function timeOutExpiredSessions(
  ctx: DbContext,
  leaseSeconds: number,
  maxAttempts: number,
): Promise<number> {
  const { rows } = await ctx.sql.query<{ expired: number }>(
    `WITH expired AS (
       UPDATE scrape_sessions SET status = 'timeout', completed_at = now(),
         duration_seconds = GREATEST(0, round(extract(epoch FROM now() - started_at)))::int,
         error_message = 'The scraper did not post results within the lease.', updated_at = now()
       WHERE status = 'in_progress' AND started_at < now() - make_interval(secs => $1)
       RETURNING global_role_id
     ), requeued AS (
       UPDATE global_roles r SET ${failedAttempt("'The scraper did not post results within the lease.'", '$2')}
       WHERE r.queue_status = 'processing' AND r.id IN (SELECT global_role_id FROM expired)
         AND NOT EXISTS (
           SELECT 1 FROM scrape_sessions s WHERE s.global_role_id = r.id AND s.status = 'in_progress'
             AND s.started_at >= now() - make_interval(secs => $1))
       RETURNING r.id
     )
     SELECT (SELECT count(*) FROM expired)::int AS expired`,
    [leaseSeconds, maxAttempts],
  );
  return rows[0]?.expired ?? 0;
}

/** Completed roles last scraped more than `afterSeconds` ago go back to `pending`; how many. */
export async function markScrapedRolesDue(ctx: DbContext, afterSeconds: number): Promise<number> {
  const { rowCount } = await ctx.sql.query(
    `UPDATE global_roles SET queue_status = 'pending', updated_at = now()
     WHERE queue_status = 'completed' AND (last_scraped_at IS NULL OR last_scraped_at < now() - make_interval(secs => $1))`,
    [afterSeconds],
  );
  return rowCount;
}

/** Puts a role back to `pending` (unless it is being scraped) with its failures reset; undefined when there is no such role. */
export async function resetRoleForScrape(
  ctx: DbContext,
  roleId: number,
): Promise<{ id: number; queue_status: string } | undefined> {
  const { rows } = await ctx.sql.query<{ id: number; queue_status: string }>(
    `UPDATE global_roles SET queue_status = CASE WHEN queue_status = 'processing' THEN queue_status ELSE 'pending' END,
       scrape_failures = 0, updated_at = now()
     WHERE id = $1 RETURNING id, queue_status`,
    [roleId],
  );
  return rows[0];
}

/** One page of the scrape queue (optionally of one status), what is next first, each with the total. */
/**
 * The scrape queue as a list: `q` searches name and category; by default in claim order (processing, then
 * pending; by priority, most wanted, longest unscraped).
 */
export const QUEUE_LIST = {
  search: ['name', 'category'],
  sort: {
    queue: { column: 'queue_rank', order: 'asc' },
    name: { column: 'name', order: 'asc' },
    candidate_count: { column: 'candidate_count', order: 'desc' },
    last_scraped_at: { column: 'last_scraped_at', order: 'desc' },
    scrape_failures: { column: 'scrape_failures', order: 'desc' },
  },
  defaultSort: 'queue',
} as const satisfies ListSpec;

export async function queueRolesPage(
  ctx: DbContext,
  filter: ListQuery<keyof typeof QUEUE_LIST.sort> & { status?: string | undefined },
): Promise<{ items: QueueRole[]; total: number }> {
  const page = await listPage<QueueRole & { queue_rank?: number }, keyof typeof QUEUE_LIST.sort>(
    ctx.sql,
    {
      text: `SELECT id, name, category, queue_status, priority, candidate_count, total_jobs_scraped, last_scraped_at,
                    scrape_failures, last_scrape_error,
                    row_number() OVER (
                      ORDER BY CASE queue_status WHEN 'processing' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END,
                               CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
                               candidate_count DESC, last_scraped_at ASC NULLS FIRST, id) AS queue_rank
               FROM global_roles WHERE ($1::text IS NULL OR queue_status = $1)`,
      params: [filter.status ?? null],
    },
    QUEUE_LIST,
    filter,
  );
  return { items: page.items.map(({ queue_rank: _rank, ...role }) => role), total: page.total };
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

/** Scrape sessions as a list: `q` searches scraper, role and error; newest first by default. */
export const SESSION_LIST = {
  search: ['scraper_name', 'role_name', 'error_message'],
  sort: {
    started_at: { column: 'started_at', order: 'desc' },
    duration_seconds: { column: 'duration_seconds', order: 'desc' },
    jobs_found: { column: 'jobs_found', order: 'desc' },
  },
  defaultSort: 'started_at',
} as const satisfies ListSpec;

/** One page of the filtered scrape sessions, with the total. */
export function sessionsPage(
  ctx: DbContext,
  filter: SessionFilter & ListQuery<keyof typeof SESSION_LIST.sort>,
): Promise<{ items: SessionRow[]; total: number }> {
  return listPage<SessionRow, keyof typeof SESSION_LIST.sort>(
    ctx.sql,
    {
      text: `SELECT id, session_id, scraper_key_id, scraper_name, global_role_id, role_name, status, started_at,
                    completed_at, duration_seconds, jobs_found, jobs_imported, jobs_skipped, jobs_failed, error_message
               FROM scrape_sessions WHERE ${SESSION_WHERE}`,
      params: sessionParams(filter),
    },
    SESSION_LIST,
    filter,
  );
}

/** Per-scraper counts, rates and median duration over the filtered sessions. */
export async function scraperSummaries(ctx: DbContext, filter: SessionFilter): Promise<ScraperSummary[]> {
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

/**
 * Claims the next pending role in one statement: priority, then candidate count, then the least recently
 * scraped. `FOR UPDATE SKIP LOCKED` makes concurrent claims on a server take different roles instead of
 * waiting or doubling; the role becomes `processing` and a scrape session starts, in the same statement.
 */
export const CLAIM_NEXT_ROLE_SQL = `
WITH next AS (
  SELECT id FROM global_roles
  WHERE queue_status = 'pending' AND candidate_count > 0
  ORDER BY CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
           candidate_count DESC, last_scraped_at ASC NULLS FIRST, id
  LIMIT 1
  FOR UPDATE SKIP LOCKED
), claimed AS (
  UPDATE global_roles AS r SET queue_status = 'processing', updated_at = now()
  FROM next WHERE r.id = next.id
  RETURNING r.id, r.name, r.aliases, r.category, r.priority, r.candidate_count
), session AS (
  INSERT INTO scrape_sessions (session_id, scraper_key_id, scraper_name, global_role_id, role_name, started_at, status, claim_key)
  SELECT gen_random_uuid(), $1, $2, claimed.id, claimed.name, now(), 'in_progress', $3 FROM claimed
  RETURNING session_id, started_at
)
SELECT claimed.*, session.session_id, session.started_at FROM claimed CROSS JOIN session`;

const HINTS_SQL = `
WITH linked AS (
  SELECT c.location, c.preferred_locations, c.skills FROM candidate_global_roles cgr
  JOIN candidates c ON c.id = cgr.candidate_id WHERE cgr.global_role_id = $1
), places AS (
  SELECT trim(place) AS place FROM linked, unnest(array_append(linked.preferred_locations, linked.location)) AS place
  WHERE place IS NOT NULL AND trim(place) <> ''
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('location', place, 'candidates', n) ORDER BY n DESC, place), '[]'::json)
     FROM (SELECT place, count(*)::int AS n FROM places WHERE place !~* '\\m(remote|anywhere|wfh)\\M'
           GROUP BY place ORDER BY n DESC, place LIMIT 10) AS top) AS locations,
  (SELECT count(*)::int FROM linked WHERE EXISTS (
     SELECT 1 FROM unnest(array_append(linked.preferred_locations, linked.location)) AS p
     WHERE p ~* '\\m(remote|anywhere|wfh)\\M')) AS remote_candidates,
  (SELECT coalesce(array_agg(skill ORDER BY n DESC, skill), '{}') FROM (
     SELECT skill, count(*) AS n FROM linked, unnest(linked.skills) AS skill GROUP BY skill ORDER BY n DESC, skill LIMIT 15
   ) AS s) AS top_skills,
  (SELECT count(*)::int FROM role_job_mapping WHERE global_role_id = $1) AS known_jobs`;

export interface ClaimRow {
  id: number;
  name: string;
  aliases: string[] | null;
  category: string | null;
  priority: string;
  candidate_count: number;
  session_id: string;
  started_at: Date;
}

/** The session an earlier claim with the same idempotency key started, with its role as it is now. */
const EARLIER_CLAIM_SQL = `
SELECT r.id, r.name, r.aliases, r.category, r.priority, r.candidate_count, s.session_id, s.started_at
FROM scrape_sessions s JOIN global_roles r ON r.id = s.global_role_id
WHERE s.scraper_key_id = $1 AND s.claim_key = $2`;

/** Starts a session on the next pending role for the key; undefined when nothing is waiting. */
export async function claimPendingRole(
  ctx: DbContext,
  key: Pick<ScraperApiKey, 'id' | 'name'>,
  idempotencyKey: string | null,
): Promise<ClaimRow | undefined> {
  return (await ctx.sql.query<ClaimRow>(CLAIM_NEXT_ROLE_SQL, [key.id, key.name, idempotencyKey])).rows[0];
}

/** The session a claim with this idempotency key started for the key, with its role as it is now. */
export async function findEarlierClaim(
  ctx: DbContext,
  keyId: number,
  idempotencyKey: string,
): Promise<ClaimRow | undefined> {
  return (await ctx.sql.query<ClaimRow>(EARLIER_CLAIM_SQL, [keyId, idempotencyKey])).rows[0];
}

/** What a scraper searching for the role should know about its candidates and known jobs. */
export async function roleSearchHints(ctx: DbContext, roleId: number): Promise<SearchHints | undefined> {
  return (await ctx.sql.query<SearchHints>(HINTS_SQL, [roleId])).rows[0];
}

/** Locks a scrape session row for the rest of the transaction; undefined when there is no such session. */
export async function lockSessionRow(tx: DbContext, sessionId: string): Promise<LockedSession | undefined> {
  const { rows } = await tx.sql.query<LockedSession>(
    `SELECT id, session_id, scraper_key_id, global_role_id, status, completion_hash, completion_result, error_message
     FROM scrape_sessions WHERE session_id = $1 FOR UPDATE`,
    [sessionId],
  );
  return rows[0];
}

/** Ends a scrape session `completed` with its counts; its duration in seconds. */
export async function markSessionCompleted(
  tx: DbContext,
  sessionId: number,
  counts: { jobs_found: number; jobs_imported: number; jobs_skipped: number; jobs_failed: number },
): Promise<number> {
  const { rows } = await tx.sql.query<{ duration_seconds: number }>(
    `UPDATE scrape_sessions SET status = 'completed', completed_at = now(),
       duration_seconds = GREATEST(0, round(extract(epoch FROM now() - started_at)))::int,
       jobs_found = $2, jobs_imported = $3, jobs_skipped = $4, jobs_failed = $5, updated_at = now()
     WHERE id = $1 RETURNING duration_seconds`,
    [sessionId, counts.jobs_found, counts.jobs_imported, counts.jobs_skipped, counts.jobs_failed],
  );
  return rows[0]!.duration_seconds;
}

/** A role scraped successfully: `completed`, its failures cleared, its new jobs counted. */
export async function recordRoleScrapeSuccess(
  tx: DbContext,
  roleId: number,
  jobsImported: number,
): Promise<void> {
  await tx.sql.query(
    `UPDATE global_roles SET queue_status = 'completed', last_scraped_at = now(),
       scrape_failures = 0, last_scrape_error = NULL,
       total_jobs_scraped = total_jobs_scraped + $2, updated_at = now()
     WHERE id = $1`,
    [roleId, jobsImported],
  );
}

/** Keeps a completed session's answer and the hash of its request, for a retried identical post. */
export async function storeCompletionResult(
  tx: DbContext,
  sessionId: number,
  hash: string,
  result: SessionResult,
): Promise<void> {
  await tx.sql.query(
    'UPDATE scrape_sessions SET completion_hash = $2, completion_result = $3 WHERE id = $1',
    [sessionId, hash, JSON.stringify(result)],
  );
}
