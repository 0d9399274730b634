import type { Database, DbContext } from '../db/database.js';
import type { ListQuery } from '../db/list-page.js';
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
import {
  APPLICATION_LIST,
  applicationHistory,
  candidateExists,
  findMatchPair,
  findView,
  insertApplicationUnlessExists,
  isJobClosedForTenant,
  jobStatus,
  listApplicationRows,
  lockApplicationRow,
  markMatchApplied,
  pipelineStageRows,
  recordEvent,
  setApplicationStage,
} from './application-queries.js';

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
  await setApplicationStage(tx, applicationId, to);
  await recordEvent(tx, applicationId, from, to, userId, note, kind);
}

/** Locks an application of the tenant for a change; 404 when it is not the tenant's. */
export async function lockApplication(
  tx: DbContext,
  tenantId: number,
  id: number,
): Promise<{ application_status: ApplicationStatus; candidate_id: number; job_posting_id: number }> {
  const row = await lockApplicationRow(tx, tenantId, id);
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
    const match = await findMatchPair(tx, tenantId, input.match_id);
    if (!match) throw AppError.notFound(`Match ${input.match_id}`);
    return { candidateId: match.candidate_id, jobId: match.job_posting_id, matchId: input.match_id };
  }
  if (!(await candidateExists(tx, tenantId, input.candidate_id)))
    throw AppError.notFound(`Candidate ${input.candidate_id}`);
  const status = await jobStatus(tx, input.job_posting_id);
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
    if (await isJobClosedForTenant(tx, actor.tenantId, target.jobId))
      throw new AppError('unprocessable', `Job ${target.jobId} is closed for your agency.`);
    const id = await insertApplicationUnlessExists(tx, {
      candidateId: target.candidateId,
      jobId: target.jobId,
      matchId: target.matchId,
      appliedVia: input.applied_via ?? (target.matchId === null ? 'direct' : 'platform'),
      coverLetter: input.cover_letter ?? null,
      notes: input.notes ?? null,
    });
    if (id === undefined) {
      throw new AppError(
        'conflict',
        `Candidate ${target.candidateId} already has an application for job ${target.jobId}.`,
      );
    }
    await recordEvent(tx, id, null, 'applied', actor.userId, null);
    await refreshInboxSoon(queue, tx);
    if (target.matchId !== null) {
      await markMatchApplied(tx, target.matchId);
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
    return { ...application, history: await applicationHistory(tx, id) };
  });
}

export interface ApplicationFilter extends ListQuery<keyof typeof APPLICATION_LIST.sort> {
  candidate_id?: number | undefined;
  job_posting_id?: number | undefined;
  status?: ApplicationStatus | undefined;
}

/** What the applications list searches and sorts by (its query string is built from it). */
export { APPLICATION_LIST };

/** The agency's applications, optionally for one candidate or one job, newest first. */
export function listApplications(
  database: Database,
  tenantId: number,
  filter: ApplicationFilter,
): Promise<{ items: ApplicationView[]; total: number }> {
  return withTenant(database, tenantId, (tx) => listApplicationRows(tx, tenantId, filter));
}

/** Every pipeline stage with its count and its most recently moved applications. */
export function applicationPipeline(
  database: Database,
  tenantId: number,
  perStage: number,
): Promise<{ status: ApplicationStatus; count: number; items: ApplicationView[] }[]> {
  return withTenant(database, tenantId, async (tx) => {
    const rows = await pipelineStageRows(tx, tenantId, perStage);
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
