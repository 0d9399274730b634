import { type Actor, lockApplication, moveApplication } from '../applications/applications.js';
import { recordStatusChange } from '../candidates/candidates.js';
import type { Database } from '../db/database.js';
import type { RATE_PERIODS } from '../db/schema.js';
import { withTenant } from '../db/with-tenant.js';
import { placementMargin } from '../domain/placement.js';
import { AppError } from '../errors.js';
import { refreshInboxSoon } from '../inbox/inbox-tasks.js';
import type { JobQueue } from '../worker/job-queue.js';
import {
  candidateStatusOf,
  closeJobForTenant,
  findPlacement,
  insertPlacement,
  listPlacementsPage,
  markCandidatePlaced,
  markOtherApplicationsForReview,
} from './placement-queries.js';

export type RatePeriod = (typeof RATE_PERIODS)[number];

export interface PlacementInput {
  start_date: string;
  currency: string;
  rate_period: RatePeriod;
  pay_rate: number;
  bill_rate?: number | undefined;
  fee?: number | undefined;
  /** Close the job for the agency (it stays open for other agencies). */
  close_job: boolean;
  note?: string | null | undefined;
}

export interface PlacementView {
  id: number;
  application_id: number;
  candidate_id: number;
  candidate_name: string;
  job_posting_id: number;
  job_title: string;
  company: string | null;
  start_date: string;
  currency: string;
  rate_period: RatePeriod;
  pay_rate: number;
  bill_rate: number | null;
  fee: number | null;
  margin: number;
  margin_percent: number | null;
  created_by: number | null;
  created_at: Date;
}

export interface PlacementResult {
  placement: PlacementView;
  job_closed: boolean;
  /** The candidate's other open applications, now marked for review. */
  applications_for_review: number;
}

/**
 * Accepts an offer: the application moves to accepted, the placement is recorded with its margin, the
 * candidate becomes placed, their other open applications are marked for review, and the job is closed for
 * the agency when asked.
 */
export function recordPlacement(
  database: Database,
  actor: Actor,
  applicationId: number,
  input: PlacementInput,
  queue?: Pick<JobQueue, 'send'>,
): Promise<PlacementResult> {
  return withTenant(database, actor.tenantId, async (tx) => {
    const application = await lockApplication(tx, actor.tenantId, applicationId);
    if (application.application_status !== 'offer') {
      throw new AppError(
        'unprocessable',
        `Only an application at the offer stage can be accepted; this one is ${application.application_status}.`,
      );
    }
    const terms =
      input.bill_rate !== undefined
        ? { payRate: input.pay_rate, billRate: input.bill_rate }
        : { payRate: input.pay_rate, fee: input.fee ?? 0 };
    const { margin, marginPercent } = placementMargin(terms);
    await moveApplication(tx, applicationId, 'offer', 'accepted', actor.userId, input.note ?? null);
    const placementId = await insertPlacement(tx, {
      tenantId: actor.tenantId,
      applicationId,
      candidateId: application.candidate_id,
      jobPostingId: application.job_posting_id,
      startDate: input.start_date,
      currency: input.currency.toUpperCase(),
      ratePeriod: input.rate_period,
      payRate: input.pay_rate,
      billRate: input.bill_rate ?? null,
      fee: input.bill_rate === undefined ? (input.fee ?? 0) : null,
      margin,
      marginPercent,
      createdBy: actor.userId,
    });
    const from = await candidateStatusOf(tx, application.candidate_id);
    if (from !== 'placed') {
      await markCandidatePlaced(tx, application.candidate_id);
      await recordStatusChange(tx, application.candidate_id, from, 'placed', actor.userId);
    }
    const forReview = await markOtherApplicationsForReview(tx, {
      candidateId: application.candidate_id,
      applicationId,
      startDate: input.start_date,
      jobPostingId: application.job_posting_id,
    });
    if (input.close_job) {
      await closeJobForTenant(tx, actor.tenantId, application.job_posting_id, actor.userId);
    }
    await refreshInboxSoon(queue, tx);
    const placement = await findPlacement(tx, placementId);
    return { placement, job_closed: input.close_job, applications_for_review: forReview };
  });
}

/** The agency's placements, newest first. */
/** What the placements list searches and sorts by (its query string is built from it). */
export { PLACEMENT_LIST } from './placement-queries.js';

export function listPlacements(
  database: Database,
  tenantId: number,
  query: Parameters<typeof listPlacementsPage>[2],
): Promise<{ items: PlacementView[]; total: number }> {
  return withTenant(database, tenantId, (tx) => listPlacementsPage(tx, tenantId, query));
}
