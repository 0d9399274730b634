import { type Actor, lockApplication, moveApplication } from '../applications/applications.js';
import { recordStatusChange } from '../candidates/candidates.js';
import type { Database } from '../db/database.js';
import type { RATE_PERIODS } from '../db/schema.js';
import { withTenant } from '../db/with-tenant.js';
import type { CandidateStatus } from '../domain/candidate-status.js';
import { placementMargin } from '../domain/placement.js';
import { AppError } from '../errors.js';
import { refreshInboxSoon } from '../inbox/inbox-tasks.js';
import type { JobQueue } from '../worker/job-queue.js';

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

const PLACEMENT_SELECT = `
  SELECT p.id, p.application_id, p.candidate_id, c.first_name || ' ' || c.last_name AS candidate_name,
         p.job_posting_id, j.title AS job_title, j.company, p.start_date::text AS start_date, p.currency,
         p.rate_period, p.pay_rate, p.bill_rate, p.fee, p.margin, p.margin_percent, p.created_by, p.created_at
    FROM placements p
    JOIN candidates c ON c.id = p.candidate_id
    JOIN job_postings j ON j.id = p.job_posting_id`;

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
    const inserted = await tx.sql.query<{ id: number }>(
      `INSERT INTO placements (tenant_id, application_id, candidate_id, job_posting_id, start_date, currency,
                               rate_period, pay_rate, bill_rate, fee, margin, margin_percent, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        actor.tenantId,
        applicationId,
        application.candidate_id,
        application.job_posting_id,
        input.start_date,
        input.currency.toUpperCase(),
        input.rate_period,
        input.pay_rate,
        input.bill_rate ?? null,
        input.bill_rate === undefined ? (input.fee ?? 0) : null,
        margin,
        marginPercent,
        actor.userId,
      ],
    );
    const previous = await tx.sql.query<{ status: CandidateStatus }>(
      `SELECT status FROM candidates WHERE id = $1`,
      [application.candidate_id],
    );
    const from = previous.rows[0]?.status ?? null;
    if (from !== 'placed') {
      await tx.sql.query(`UPDATE candidates SET status = 'placed', updated_at = now() WHERE id = $1`, [
        application.candidate_id,
      ]);
      await recordStatusChange(tx, application.candidate_id, from, 'placed', actor.userId);
    }
    const review = await tx.sql.query(
      `UPDATE job_applications a
          SET review_reason = 'Placed in ' || j.title || coalesce(' at ' || j.company, '') || ' from ' || $3,
              review_requested_at = now(), updated_at = now()
         FROM job_postings j
        WHERE j.id = $4 AND a.candidate_id = $1 AND a.id <> $2
          AND a.application_status NOT IN ('accepted', 'rejected', 'withdrawn')`,
      [application.candidate_id, applicationId, input.start_date, application.job_posting_id],
    );
    if (input.close_job) {
      await tx.sql.query(
        `INSERT INTO tenant_job_closures (tenant_id, job_posting_id, reason, closed_by)
         VALUES ($1, $2, 'filled by a placement', $3) ON CONFLICT DO NOTHING`,
        [actor.tenantId, application.job_posting_id, actor.userId],
      );
    }
    await refreshInboxSoon(queue, tx);
    const { rows } = await tx.sql.query<PlacementView>(`${PLACEMENT_SELECT} WHERE p.id = $1`, [
      inserted.rows[0]!.id,
    ]);
    return { placement: rows[0]!, job_closed: input.close_job, applications_for_review: review.rowCount };
  });
}

/** The agency's placements, newest first. */
export function listPlacements(
  database: Database,
  tenantId: number,
  page: { limit: number; offset: number },
): Promise<{ items: PlacementView[]; total: number }> {
  return withTenant(database, tenantId, async (tx) => {
    const { rows } = await tx.sql.query<PlacementView & { total: number }>(
      `${PLACEMENT_SELECT.replace('SELECT', 'SELECT count(*) OVER () AS total,')}
        WHERE p.tenant_id = $1 ORDER BY p.created_at DESC, p.id DESC LIMIT $2 OFFSET $3`,
      [tenantId, page.limit, page.offset],
    );
    return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
  });
}
