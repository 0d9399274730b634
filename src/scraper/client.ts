/**
 * A typed client for Jobmatch's scraper API: the reference for scraper authors. It needs only `fetch`.
 *
 *   const client = new ScraperClient({ baseUrl: 'http://localhost:3000', apiKey: process.env.JOBMATCH_SCRAPER_KEY });
 *   for (let claim = await client.claim(); claim; claim = await client.claim()) {
 *     try { await client.postJobs(claim.session_id, await scrapeBoards(claim.role, claim.hints)); }
 *     catch (error) { await client.fail(claim.session_id, String(error)); }
 *   }
 */
import type { JobInput } from '../ingestion/job-input.js';
import type { ClaimedRole } from './claim-next-role.js';
import type { SessionResult } from './complete-session.js';

export type { ClaimedRole, JobInput, SessionResult };

export class ScraperApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ScraperApiError';
  }
}

export interface ScraperClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Attempts for requests that are safe to repeat (network errors, 429, 5xx); default 3. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class ScraperClient {
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ScraperClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Claims the next role to scrape, or null when the queue is empty. */
  async claim(): Promise<ClaimedRole | null> {
    // A claim is not idempotent: never retried, so a lost response at worst leaves a session to time out.
    const response = await this.request('POST', '/api/scraper/queue/claim', undefined, 1);
    return response.status === 204 ? null : ((await response.json()) as ClaimedRole);
  }

  /** Posts the jobs found for a session. Safe to retry: the same body returns the same result. */
  async postJobs(sessionId: string, jobs: JobInput[]): Promise<SessionResult> {
    const response = await this.request('POST', '/api/scraper/queue/jobs', { session_id: sessionId, jobs });
    return (await response.json()) as SessionResult;
  }

  /** Gives a session up; the role goes back to the queue. */
  async fail(sessionId: string, errorMessage: string): Promise<void> {
    await this.request('POST', '/api/scraper/queue/fail', {
      session_id: sessionId,
      error_message: errorMessage.slice(0, 2000) || 'failed',
    });
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
    attempts = this.options.maxAttempts ?? 3,
  ) {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const response = await this.fetchImpl(new URL(path, this.options.baseUrl), {
          method,
          headers: {
            authorization: `Bearer ${this.options.apiKey}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (response.ok) return response;
        const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
        const error = new ScraperApiError(
          response.status,
          problem.code,
          problem.detail ?? response.statusText,
        );
        if (response.status !== 429 && response.status < 500) throw error;
        lastError = error;
        const retryAfter = Number(response.headers.get('retry-after'));
        await this.sleep(
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 250 * 2 ** attempt,
        );
      } catch (error) {
        if (error instanceof ScraperApiError && error.status !== 429 && error.status < 500) throw error;
        lastError = error;
        if (attempt < attempts) await this.sleep(250 * 2 ** attempt);
      }
    }
    throw lastError;
  }
}
