import type { DbContext } from '../db/database.js';
import { type ListQuery, type ListSpec, pageOfItems } from '../domain/list.js';
import {
  QUEUE_LIST,
  queueRolesPage,
  SESSION_LIST,
  scraperSummaries,
  sessionsPage,
} from './scraper-queries.js';

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
/** What the queue and session lists search and sort by (their query strings are built from them). */
export { QUEUE_LIST, SESSION_LIST };

export function listQueue(
  ctx: DbContext,
  filter: Parameters<typeof queueRolesPage>[1],
): Promise<{ items: QueueRole[]; total: number }> {
  return queueRolesPage(ctx, filter);
}

export interface SessionFilter {
  scraper_key_id?: number | undefined;
  role_id?: number | undefined;
  status?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

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

export function listSessions(
  ctx: DbContext,
  filter: Parameters<typeof sessionsPage>[1],
): Promise<{ items: SessionRow[]; total: number }> {
  return sessionsPage(ctx, filter);
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

/** The per-scraper summary as a list: `q` searches the scraper's name; most sessions first by default. */
export const SCRAPER_SUMMARY_LIST = {
  search: ['scraper_name'],
  sort: {
    sessions: { column: 'sessions', order: 'desc' },
    failure_rate: { column: 'failure_rate', order: 'desc' },
    jobs_imported: { column: 'jobs_imported', order: 'desc' },
    median_duration_seconds: { column: 'median_duration_seconds', order: 'desc' },
    scraper_name: { column: 'scraper_name', order: 'asc' },
  },
  defaultSort: 'sessions',
  tiebreak: 'scraper_key_id',
} as const satisfies ListSpec;

/**
 * A page of the per-scraper performance over the filtered sessions (one row per scraper key: a short list,
 * computed whole); rates are over finished sessions.
 */
export async function summarizeScrapersPage(
  ctx: DbContext,
  filter: SessionFilter & ListQuery<keyof typeof SCRAPER_SUMMARY_LIST.sort>,
): Promise<{ items: ScraperSummary[]; total: number }> {
  return pageOfItems(await scraperSummaries(ctx, filter), SCRAPER_SUMMARY_LIST, filter);
}
