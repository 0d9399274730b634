import type { DbContext } from '../db/database.js';
import { type ListSpec, listPage } from '../db/list-page.js';
import type { AppliedVia } from '../db/schema.js';
import type { ApplicationStatus } from '../domain/application-status.js';
import type { ApplicationEventKind, PipelineEvent } from '../domain/pipeline-history.js';
import type { ApplicationEvent, ApplicationFilter, ApplicationView } from './applications.js';

const VIEW_SELECT = `
  SELECT a.id, a.candidate_id, c.first_name || ' ' || c.last_name AS candidate_name, a.job_posting_id,
         j.title AS job_title, j.company, a.match_id, a.application_status, a.applied_via, a.cover_letter,
         a.notes, a.applied_at, a.status_updated_at, a.updated_at, a.review_reason
    FROM job_applications a
    JOIN candidates c ON c.id = a.candidate_id
    JOIN job_postings j ON j.id = a.job_posting_id`;

export async function findView(
  tx: DbContext,
  tenantId: number,
  id: number,
): Promise<ApplicationView | undefined> {
  const { rows } = await tx.sql.query<ApplicationView>(
    `${VIEW_SELECT} WHERE c.tenant_id = $1 AND a.id = $2`,
    [tenantId, id],
  );
  return rows[0];
}

/** Appends to an application's history; `undo` and `reopen` events say so in `kind`. */
export async function recordEvent(
  tx: DbContext,
  applicationId: number,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  userId: number,
  note: string | null,
  kind: { kind: ApplicationEventKind; undoesEventId?: number } = { kind: 'move' },
): Promise<void> {
  await tx.sql.query(
    `INSERT INTO job_application_events (application_id, from_status, to_status, changed_by, note, kind, undoes_event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [applicationId, from, to, userId, note, kind.kind, kind.undoesEventId ?? null],
  );
}

/** Sets an application's stage and clears a review request. */
export async function setApplicationStage(
  tx: DbContext,
  applicationId: number,
  to: ApplicationStatus,
): Promise<void> {
  await tx.sql.query(
    `UPDATE job_applications
        SET application_status = $2, status_updated_at = now(), updated_at = now(),
            review_reason = NULL, review_requested_at = NULL
      WHERE id = $1`,
    [applicationId, to],
  );
}

/** Locks an application of the tenant (FOR UPDATE); undefined when it is not the tenant's. */
export async function lockApplicationRow(
  tx: DbContext,
  tenantId: number,
  id: number,
): Promise<
  { application_status: ApplicationStatus; candidate_id: number; job_posting_id: number } | undefined
> {
  const { rows } = await tx.sql.query<{
    application_status: ApplicationStatus;
    candidate_id: number;
    job_posting_id: number;
  }>(
    `SELECT a.application_status, a.candidate_id, a.job_posting_id
       FROM job_applications a JOIN candidates c ON c.id = a.candidate_id
      WHERE c.tenant_id = $1 AND a.id = $2 FOR UPDATE OF a`,
    [tenantId, id],
  );
  return rows[0];
}

/** The candidate and job of one of the tenant's matches; undefined when the match is not the tenant's. */
export async function findMatchPair(
  tx: DbContext,
  tenantId: number,
  matchId: number,
): Promise<{ candidate_id: number; job_posting_id: number } | undefined> {
  const { rows } = await tx.sql.query<{ candidate_id: number; job_posting_id: number }>(
    `SELECT m.candidate_id, m.job_posting_id FROM candidate_job_matches m
       JOIN candidates c ON c.id = m.candidate_id
      WHERE m.id = $1 AND c.tenant_id = $2`,
    [matchId, tenantId],
  );
  return rows[0];
}

export async function candidateExists(
  tx: DbContext,
  tenantId: number,
  candidateId: number,
): Promise<boolean> {
  const { rows } = await tx.sql.query('SELECT 1 FROM candidates WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    candidateId,
  ]);
  return rows.length > 0;
}

/** A job's status (null when unset); undefined when there is no such job. */
export async function jobStatus(tx: DbContext, jobId: number): Promise<string | null | undefined> {
  const { rows } = await tx.sql.query<{ status: string | null }>(
    'SELECT status FROM job_postings WHERE id = $1',
    [jobId],
  );
  return rows[0]?.status;
}

export async function isJobClosedForTenant(tx: DbContext, tenantId: number, jobId: number): Promise<boolean> {
  const { rows } = await tx.sql.query(
    'SELECT 1 FROM tenant_job_closures WHERE tenant_id = $1 AND job_posting_id = $2',
    [tenantId, jobId],
  );
  return rows.length > 0;
}

/** Inserts an `applied` application; undefined when the candidate already has one for the job. */
export async function insertApplicationUnlessExists(
  tx: DbContext,
  application: {
    candidateId: number;
    jobId: number;
    matchId: number | null;
    appliedVia: AppliedVia;
    coverLetter: string | null;
    notes: string | null;
  },
): Promise<number | undefined> {
  const { rows } = await tx.sql.query<{ id: number }>(
    `INSERT INTO job_applications
       (candidate_id, job_posting_id, match_id, application_status, applied_via, cover_letter, notes, status_updated_at)
     VALUES ($1, $2, $3, 'applied', $4, $5, $6, now())
     ON CONFLICT (candidate_id, job_posting_id) DO NOTHING
     RETURNING id`,
    [
      application.candidateId,
      application.jobId,
      application.matchId,
      application.appliedVia,
      application.coverLetter,
      application.notes,
    ],
  );
  return rows[0]?.id;
}

export async function markMatchApplied(tx: DbContext, matchId: number): Promise<void> {
  await tx.sql.query(
    `UPDATE candidate_job_matches SET status = 'applied', updated_at = now() WHERE id = $1`,
    [matchId],
  );
}

/** An application's history, oldest first, with who made each change. */
export async function applicationHistory(tx: DbContext, applicationId: number): Promise<ApplicationEvent[]> {
  const { rows } = await tx.sql.query<ApplicationEvent>(
    `SELECT e.id, e.kind, e.undoes_event_id, e.from_status, e.to_status, e.changed_by,
            u.email AS changed_by_email, e.note, e.changed_at
       FROM job_application_events e LEFT JOIN users u ON u.id = e.changed_by
      WHERE e.application_id = $1 ORDER BY e.changed_at, e.id`,
    [applicationId],
  );
  return rows;
}

/** The applications as a list: `q` searches candidate, job and company; newest first by default. */
export const APPLICATION_LIST = {
  search: ['candidate_name', 'job_title', 'company'],
  sort: {
    applied_at: { column: 'applied_at', order: 'desc' },
    status_updated_at: { column: 'status_updated_at', order: 'desc' },
    candidate: { column: 'candidate_name', order: 'asc' },
    job: { column: 'job_title', order: 'asc' },
  },
  defaultSort: 'applied_at',
} as const satisfies ListSpec;

/** One page of the tenant's applications matching the filter, with the filtered total. */
export function listApplicationRows(
  tx: DbContext,
  tenantId: number,
  filter: ApplicationFilter,
): Promise<{ items: ApplicationView[]; total: number }> {
  return listPage<ApplicationView, keyof typeof APPLICATION_LIST.sort>(
    tx.sql,
    {
      text: `${VIEW_SELECT}
      WHERE c.tenant_id = $1
        AND ($2::int IS NULL OR a.candidate_id = $2)
        AND ($3::int IS NULL OR a.job_posting_id = $3)
        AND ($4::text IS NULL OR a.application_status = $4)`,
      params: [tenantId, filter.candidate_id ?? null, filter.job_posting_id ?? null, filter.status ?? null],
    },
    APPLICATION_LIST,
    filter,
  );
}

/** The tenant's most recently moved applications per stage (at most `perStage`), each with its stage's count. */
export async function pipelineStageRows(
  tx: DbContext,
  tenantId: number,
  perStage: number,
): Promise<(ApplicationView & { stage_count: number; stage_rank: number })[]> {
  const { rows } = await tx.sql.query<ApplicationView & { stage_count: number; stage_rank: number }>(
    `SELECT * FROM (
       ${VIEW_SELECT.replace(
         'SELECT',
         `SELECT count(*) OVER (PARTITION BY a.application_status) AS stage_count,
                 row_number() OVER (PARTITION BY a.application_status
                                    ORDER BY coalesce(a.status_updated_at, a.applied_at) DESC, a.id DESC) AS stage_rank,`,
       )}
        WHERE c.tenant_id = $1) ranked
      WHERE stage_rank <= $2`,
    [tenantId, perStage],
  );
  return rows;
}

/** An application's history as the pipeline rules read it, oldest first. */
export async function pipelineEventsOf(tx: DbContext, applicationId: number): Promise<PipelineEvent[]> {
  const { rows } = await tx.sql.query<PipelineEvent>(
    `SELECT id, kind, from_status, to_status, changed_by FROM job_application_events
      WHERE application_id = $1 ORDER BY changed_at, id`,
    [applicationId],
  );
  return rows;
}
