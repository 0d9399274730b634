import type { Database, DbContext } from '../db/database.js';
import type { AppliedVia } from '../db/schema.js';
import { APPLICATION_STATUSES } from '../db/schema.js';
import { withTenant } from '../db/with-tenant.js';
import {
  type ApplicationStatus,
  canChangeApplicationStatus,
  nextApplicationStatuses,
} from '../domain/application-status.js';
import type { ApplicationEventKind } from '../domain/pipeline-history.js';
import { AppError } from '../errors.js';
import { refreshInboxSoon } from '../inbox/inbox-tasks.js';
import type { JobQueue } from '../worker/job-queue.js';

export interface Actor {
  tenantId: number;
  userId: number;
}

export interface ApplicationDetails {
  applied_via?: AppliedVia | null | undefined;
  cover_letter?: string | null | undefined;
  notes?: string | null | undefined;
}

export type NewApplication =
  | ({ match_id: number } & ApplicationDetails)
  | ({ candidate_id: number; job_posting_id: number } & ApplicationDetails);

/** An application as listed: with the candidate's name and the job's title. */
export interface ApplicationView {
  id: number;
  candidate_id: number;
  candidate_name: string;
  job_posting_id: number;
  job_title: string;
  company: string | null;
  match_id: number | null;
  application_status: ApplicationStatus;
  applied_via: string | null;
  cover_letter: string | null;
  notes: string | null;
  applied_at: Date;
  status_updated_at: Date | null;
  updated_at: Date;
  /** Set when the candidate was placed elsewhere while this application was open; cleared by the next move. */
  review_reason: string | null;
}

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

/** Sets an application's stage (clearing a review request) and records the move. */
export async function moveApplication(
  tx: DbContext,
  applicationId: number,
  from: ApplicationStatus,
  to: ApplicationStatus,
  userId: number,
  note: string | null,
  kind?: { kind: ApplicationEventKind; undoesEventId?: number },
): Promise<void> {
  await tx.sql.query(
    `UPDATE job_applications
        SET application_status = $2, status_updated_at = now(), updated_at = now(),
            review_reason = NULL, review_requested_at = NULL
      WHERE id = $1`,
    [applicationId, to],
  );
  await recordEvent(tx, applicationId, from, to, userId, note, kind);
}

/** Locks an application of the tenant for a change; 404 when it is not the tenant's. */
export async function lockApplication(
  tx: DbContext,
  tenantId: number,
  id: number,
): Promise<{ application_status: ApplicationStatus; candidate_id: number; job_posting_id: number }> {
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
  const row = rows[0];
  if (!row) throw AppError.notFound(`Application ${id}`);
  return row;
}

/** The candidate and job an application is for: from the agency's match, or named directly for an active job. */
async function resolveTarget(
  tx: DbContext,
  tenantId: number,
  input: NewApplication,
): Promise<{ candidateId: number; jobId: number; matchId: number | null }> {
  if ('match_id' in input) {
    const { rows } = await tx.sql.query<{ candidate_id: number; job_posting_id: number }>(
      `SELECT m.candidate_id, m.job_posting_id FROM candidate_job_matches m
         JOIN candidates c ON c.id = m.candidate_id
        WHERE m.id = $1 AND c.tenant_id = $2`,
      [input.match_id, tenantId],
    );
    const match = rows[0];
    if (!match) throw AppError.notFound(`Match ${input.match_id}`);
    return { candidateId: match.candidate_id, jobId: match.job_posting_id, matchId: input.match_id };
  }
  const candidate = await tx.sql.query('SELECT 1 FROM candidates WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    input.candidate_id,
  ]);
  if (candidate.rows.length === 0) throw AppError.notFound(`Candidate ${input.candidate_id}`);
  const job = await tx.sql.query<{ status: string | null }>('SELECT status FROM job_postings WHERE id = $1', [
    input.job_posting_id,
  ]);
  const status = job.rows[0]?.status;
  if (status === undefined) throw AppError.notFound(`Job ${input.job_posting_id}`);
  if (status !== 'active')
    throw new AppError('unprocessable', `Job ${input.job_posting_id} is ${status}, not active.`);
  return { candidateId: input.candidate_id, jobId: input.job_posting_id, matchId: null };
}

/** Creates an application (one per candidate and job: a second is a 409); a match it comes from becomes `applied`. */
export function createApplication(
  database: Database,
  actor: Actor,
  input: NewApplication,
  queue?: Pick<JobQueue, 'send'>,
): Promise<ApplicationView> {
  return withTenant(database, actor.tenantId, async (tx) => {
    const target = await resolveTarget(tx, actor.tenantId, input);
    const closed = await tx.sql.query(
      'SELECT 1 FROM tenant_job_closures WHERE tenant_id = $1 AND job_posting_id = $2',
      [actor.tenantId, target.jobId],
    );
    if (closed.rows.length > 0)
      throw new AppError('unprocessable', `Job ${target.jobId} is closed for your agency.`);
    const { rows } = await tx.sql.query<{ id: number }>(
      `INSERT INTO job_applications
         (candidate_id, job_posting_id, match_id, application_status, applied_via, cover_letter, notes, status_updated_at)
       VALUES ($1, $2, $3, 'applied', $4, $5, $6, now())
       ON CONFLICT (candidate_id, job_posting_id) DO NOTHING
       RETURNING id`,
      [
        target.candidateId,
        target.jobId,
        target.matchId,
        input.applied_via ?? (target.matchId === null ? 'direct' : 'platform'),
        input.cover_letter ?? null,
        input.notes ?? null,
      ],
    );
    const id = rows[0]?.id;
    if (id === undefined) {
      throw new AppError(
        'conflict',
        `Candidate ${target.candidateId} already has an application for job ${target.jobId}.`,
      );
    }
    await recordEvent(tx, id, null, 'applied', actor.userId, null);
    await refreshInboxSoon(queue, tx);
    if (target.matchId !== null) {
      await tx.sql.query(
        `UPDATE candidate_job_matches SET status = 'applied', updated_at = now() WHERE id = $1`,
        [target.matchId],
      );
    }
    return (await findView(tx, actor.tenantId, id))!;
  });
}

/** Moves an application along the pipeline; a move the pipeline does not allow is a 422. */
export function changeApplicationStatus(
  database: Database,
  actor: Actor,
  id: number,
  change: { status: ApplicationStatus; note?: string | null | undefined },
  queue?: Pick<JobQueue, 'send'>,
): Promise<ApplicationView> {
  return withTenant(database, actor.tenantId, async (tx) => {
    const from = (await lockApplication(tx, actor.tenantId, id)).application_status;
    if (change.status === 'accepted' && from === 'offer') {
      throw new AppError(
        'unprocessable',
        'Accepting an offer records a placement: POST /api/applications/:id/placement with its start date and rates.',
      );
    }
    if (!canChangeApplicationStatus(from, change.status)) {
      const allowed = nextApplicationStatuses(from);
      throw new AppError(
        'unprocessable',
        `An application in ${from} cannot move to ${change.status}; allowed: ${allowed.join(', ') || 'none (closed)'}.`,
      );
    }
    await moveApplication(tx, id, from, change.status, actor.userId, change.note ?? null);
    await refreshInboxSoon(queue, tx);
    return (await findView(tx, actor.tenantId, id))!;
  });
}

export interface ApplicationEvent {
  id: number;
  kind: ApplicationEventKind;
  undoes_event_id: number | null;
  from_status: string | null;
  to_status: string;
  changed_by: number | null;
  changed_by_email: string | null;
  note: string | null;
  changed_at: Date;
}

export function getApplication(
  database: Database,
  tenantId: number,
  id: number,
): Promise<ApplicationView & { history: ApplicationEvent[] }> {
  return withTenant(database, tenantId, async (tx) => {
    const application = await findView(tx, tenantId, id);
    if (!application) throw AppError.notFound(`Application ${id}`);
    const { rows } = await tx.sql.query<ApplicationEvent>(
      `SELECT e.id, e.kind, e.undoes_event_id, e.from_status, e.to_status, e.changed_by,
              u.email AS changed_by_email, e.note, e.changed_at
         FROM job_application_events e LEFT JOIN users u ON u.id = e.changed_by
        WHERE e.application_id = $1 ORDER BY e.changed_at, e.id`,
      [id],
    );
    return { ...application, history: rows };
  });
}

export interface ApplicationFilter {
  candidate_id?: number | undefined;
  job_posting_id?: number | undefined;
  status?: ApplicationStatus | undefined;
  limit: number;
  offset: number;
}

/** The agency's applications, optionally for one candidate or one job, newest first. */
export function listApplications(
  database: Database,
  tenantId: number,
  filter: ApplicationFilter,
): Promise<{ items: ApplicationView[]; total: number }> {
  return withTenant(database, tenantId, async (tx) => {
    const { rows } = await tx.sql.query<ApplicationView & { total: number }>(
      `${VIEW_SELECT.replace('SELECT', 'SELECT count(*) OVER () AS total,')}
        WHERE c.tenant_id = $1
          AND ($2::int IS NULL OR a.candidate_id = $2)
          AND ($3::int IS NULL OR a.job_posting_id = $3)
          AND ($4::text IS NULL OR a.application_status = $4)
        ORDER BY a.applied_at DESC, a.id DESC
        LIMIT $5 OFFSET $6`,
      [
        tenantId,
        filter.candidate_id ?? null,
        filter.job_posting_id ?? null,
        filter.status ?? null,
        filter.limit,
        filter.offset,
      ],
    );
    return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
  });
}

/** Every pipeline stage with its count and its most recently moved applications. */
export function applicationPipeline(
  database: Database,
  tenantId: number,
  perStage: number,
): Promise<{ status: ApplicationStatus; count: number; items: ApplicationView[] }[]> {
  return withTenant(database, tenantId, async (tx) => {
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
    return APPLICATION_STATUSES.map((status) => {
      const stage = rows.filter((row) => row.application_status === status);
      return {
        status,
        count: stage[0]?.stage_count ?? 0,
        items: stage
          .sort((a, b) => a.stage_rank - b.stage_rank)
          .map(({ stage_count: _count, stage_rank: _rank, ...row }) => row),
      };
    });
  });
}
