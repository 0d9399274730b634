import type { Database } from '../db/database.js';
import type { ScraperApiKey } from '../db/repositories/scraper-api-key.repository.js';
import { AppError } from '../errors.js';
import { lockOwnSession } from './complete-session.js';
import { DEFAULT_SCRAPE_MAX_ATTEMPTS } from './queue-maintenance.js';
import { markSessionFailed, recordRoleScrapeFailure } from './scraper-queries.js';

export interface FailedSession {
  session_id: string;
  status: 'failed';
  error_message: string;
}

/**
 * A scraper gives up on its session: the session ends `failed` with the scraper's message and the role goes
 * back to `pending` for another try, or to `failed` with the message after `maxAttempts` failures in a row. Repeating the same failure is harmless; failing a finished session is a conflict.
 */
export async function failSession(
  database: Database,
  key: Pick<ScraperApiKey, 'id'>,
  input: { session_id: string; error_message: string },
  maxAttempts = DEFAULT_SCRAPE_MAX_ATTEMPTS,
): Promise<FailedSession> {
  return database.transaction(async (tx) => {
    const session = await lockOwnSession(tx, key, input.session_id);
    if (session.status === 'failed' && session.error_message === input.error_message) {
      return { session_id: session.session_id, status: 'failed', error_message: input.error_message };
    }
    if (session.status !== 'in_progress') {
      throw new AppError('conflict', `The scrape session is ${session.status}; it can no longer fail.`);
    }
    await markSessionFailed(tx, session.id, input.error_message);
    if (session.global_role_id !== null)
      await recordRoleScrapeFailure(tx, session.global_role_id, input.error_message, maxAttempts);
    return { session_id: session.session_id, status: 'failed', error_message: input.error_message };
  });
}
