import { createHash } from 'node:crypto';
import type { Database, DbContext } from '../db/database.js';
import { jobPostingRepository } from '../db/repositories/job-posting.repository.js';
import { roleJobMappingRepository } from '../db/repositories/role-job-mapping.repository.js';
import type { ScraperApiKey } from '../db/repositories/scraper-api-key.repository.js';
import type { NormalizedJob } from '../domain/jobs/normalize-job.js';
import type { SkillMatcher } from '../domain/skills.js';
import { AppError, type FieldProblem } from '../errors.js';
import type { JobsImported } from '../events/events.js';
import { validateJobInputs } from '../ingestion/job-input.js';
import {
  lockSessionRow,
  markSessionCompleted,
  recordRoleScrapeSuccess,
  storeCompletionResult,
} from './scraper-queries.js';

export interface JobProblem {
  index: number;
  field: string;
  message: string;
}

/** What a scraper gets back for a posted batch, and again for a retried identical post. */
export interface SessionResult {
  session_id: string;
  status: 'completed';
  role_id: number | null;
  jobs_found: number;
  jobs_imported: number;
  jobs_skipped: number;
  jobs_failed: number;
  duration_seconds: number;
  new_job_ids: number[];
  errors: JobProblem[];
  /** Optional fields of stored jobs that did not parse and were stored empty, like an import batch's warnings. */
  warnings: JobProblem[];
}

export interface LockedSession {
  id: number;
  session_id: string;
  scraper_key_id: number;
  global_role_id: number | null;
  status: string;
  completion_hash: string | null;
  completion_result: SessionResult | null;
  error_message: string | null;
}

/** Locks the session row for the rest of the transaction; only the key that claimed it may touch it. */
export async function lockOwnSession(
  tx: DbContext,
  key: Pick<ScraperApiKey, 'id'>,
  sessionId: string,
): Promise<LockedSession> {
  const session = await lockSessionRow(tx, sessionId);
  if (!session) throw AppError.notFound(`Scrape session ${sessionId}`);
  if (session.scraper_key_id !== key.id) {
    throw new AppError('forbidden', 'This scrape session was claimed by another API key.');
  }
  return session;
}

function byIndex(index: number, problems: readonly FieldProblem[]): JobProblem[] {
  return problems.map((problem) => ({ index, field: problem.field, message: problem.message }));
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export interface CompleteSessionDependencies {
  database: Database;
  skills: SkillMatcher;
  /** Runs inside the transaction: the `jobs/imported` event exists if and only if the jobs do. */
  onJobsImported: (tx: DbContext, event: Required<JobsImported> & { sessionId: string }) => Promise<void>;
}

/**
 * Completes a scrape session with the jobs the scraper found: valid jobs go through the import pipeline
 * (parse, dedupe, upsert) linked to the session's role; invalid ones are reported by index. Everything —
 * jobs, role links, session and role state, and the event — commits together. A retried post with the same
 * body returns the first answer without importing again; another body for a completed session is 422, and any
 * post to a failed or timed-out session is a conflict.
 */
export async function completeSession(
  deps: CompleteSessionDependencies,
  key: Pick<ScraperApiKey, 'id'>,
  input: { session_id: string; jobs: unknown[] },
): Promise<SessionResult> {
  const hash = requestHash(input);
  return deps.database.transaction(async (tx) => {
    const session = await lockOwnSession(tx, key, input.session_id);
    if (session.status !== 'in_progress') {
      if (session.status === 'completed' && session.completion_hash === hash && session.completion_result) {
        // Results stored before warnings were reported have none.
        return { ...session.completion_result, warnings: session.completion_result.warnings ?? [] };
      }
      if (session.status === 'completed') {
        throw new AppError(
          'unprocessable',
          'This scrape session was already completed with a different body; claim a new session for new jobs.',
        );
      }
      throw new AppError('conflict', `The scrape session is ${session.status}; it no longer accepts jobs.`);
    }

    const validated = validateJobInputs(input.jobs, { skills: deps.skills });
    const errors = validated.flatMap((item) => (item.ok ? [] : byIndex(item.index, item.errors)));
    const warnings = validated.flatMap((item) => (item.ok ? byIndex(item.index, item.warnings) : []));
    const unique = new Map<string, NormalizedJob>();
    let repeats = 0;
    for (const item of validated) {
      if (!item.ok) continue;
      const jobKey = `${item.job.platform}\u0000${item.job.external_job_id}`;
      if (unique.has(jobKey)) repeats += 1;
      unique.set(jobKey, item.job);
    }
    const written = await jobPostingRepository(tx).upsertMany([...unique.values()], {
      scraped_by_key_id: key.id,
      scrape_session_id: session.session_id,
      normalized_role_id: session.global_role_id,
    });
    const newJobIds = written.filter((job) => job.outcome === 'new').map((job) => job.id);
    if (session.global_role_id !== null) {
      await roleJobMappingRepository(tx).link(
        session.global_role_id,
        written.map((job) => job.id),
      );
    }

    const counts = {
      jobs_found: input.jobs.length,
      jobs_imported: newJobIds.length,
      jobs_skipped: written.length - newJobIds.length + repeats,
      jobs_failed: validated.filter((item) => !item.ok).length,
    };
    const durationSeconds = await markSessionCompleted(tx, session.id, counts);
    if (session.global_role_id !== null) {
      await recordRoleScrapeSuccess(tx, session.global_role_id, counts.jobs_imported);
    }
    // Known jobs too: one first found for another role (or imported) is now due for this role's candidates.
    if (written.length > 0) {
      await deps.onJobsImported(tx, {
        roleId: session.global_role_id,
        sessionId: session.session_id,
        jobIds: written.map((job) => job.id),
        changedJobIds: written.filter((job) => job.outcome === 'updated').map((job) => job.id),
      });
    }
    const result: SessionResult = {
      session_id: session.session_id,
      status: 'completed',
      role_id: session.global_role_id,
      ...counts,
      duration_seconds: durationSeconds,
      new_job_ids: newJobIds,
      errors,
      warnings,
    };
    await storeCompletionResult(tx, session.id, hash, result);
    return result;
  });
}
