import type { DbContext } from '../db/database.js';
import { type ListQuery, type ListSpec, listPage } from '../db/list-page.js';
import type { CandidateStatus } from '../domain/candidate-status.js';
import type { PlacementView, RatePeriod } from './placements.js';

const PLACEMENT_SELECT = `
  SELECT p.id, p.application_id, p.candidate_id, c.first_name || ' ' || c.last_name AS candidate_name,
         p.job_posting_id, j.title AS job_title, j.company, p.start_date::text AS start_date, p.currency,
         p.rate_period, p.pay_rate, p.bill_rate, p.fee, p.margin, p.margin_percent, p.created_by, p.created_at
    FROM placements p
    JOIN candidates c ON c.id = p.candidate_id
    JOIN job_postings j ON j.id = p.job_posting_id`;

export async function insertPlacement(
  tx: DbContext,
  row: {
    tenantId: number;
    applicationId: number;
    candidateId: number;
    jobPostingId: number;
    startDate: string;
    currency: string;
    ratePeriod: RatePeriod;
    payRate: number;
    billRate: number | null;
    fee: number | null;
    margin: number;
    marginPercent: number | null;
    createdBy: number;
  },
): Promise<number> {
  const inserted = await tx.sql.query<{ id: number }>(
    `INSERT INTO placements (tenant_id, application_id, candidate_id, job_posting_id, start_date, currency,
                               rate_period, pay_rate, bill_rate, fee, margin, margin_percent, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      row.tenantId,
      row.applicationId,
      row.candidateId,
      row.jobPostingId,
      row.startDate,
      row.currency,
      row.ratePeriod,
      row.payRate,
      row.billRate,
      row.fee,
      row.margin,
      row.marginPercent,
      row.createdBy,
    ],
  );
  return inserted.rows[0]!.id;
}

export async function candidateStatusOf(tx: DbContext, candidateId: number): Promise<CandidateStatus | null> {
  const previous = await tx.sql.query<{ status: CandidateStatus }>(
    `SELECT status FROM candidates WHERE id = $1`,
    [candidateId],
  );
  return previous.rows[0]?.status ?? null;
}

export async function markCandidatePlaced(tx: DbContext, candidateId: number): Promise<void> {
  await tx.sql.query(`UPDATE candidates SET status = 'placed', updated_at = now() WHERE id = $1`, [
    candidateId,
  ]);
}

/** The candidate's other open applications are marked for review; returns how many. */
export async function markOtherApplicationsForReview(
  tx: DbContext,
  placed: { candidateId: number; applicationId: number; startDate: string; jobPostingId: number },
): Promise<number> {
  const review = await tx.sql.query(
    `UPDATE job_applications a
          SET review_reason = 'Placed in ' || j.title || coalesce(' at ' || j.company, '') || ' from ' || $3,
              review_requested_at = now(), updated_at = now()
         FROM job_postings j
        WHERE j.id = $4 AND a.candidate_id = $1 AND a.id <> $2
          AND a.application_status NOT IN ('accepted', 'rejected', 'withdrawn')`,
    [placed.candidateId, placed.applicationId, placed.startDate, placed.jobPostingId],
  );
  return review.rowCount;
}

export async function closeJobForTenant(
  tx: DbContext,
  tenantId: number,
  jobPostingId: number,
  closedBy: number,
): Promise<void> {
  await tx.sql.query(
    `INSERT INTO tenant_job_closures (tenant_id, job_posting_id, reason, closed_by)
         VALUES ($1, $2, 'filled by a placement', $3) ON CONFLICT DO NOTHING`,
    [tenantId, jobPostingId, closedBy],
  );
}

export async function findPlacement(tx: DbContext, placementId: number): Promise<PlacementView> {
  const { rows } = await tx.sql.query<PlacementView>(`${PLACEMENT_SELECT} WHERE p.id = $1`, [placementId]);
  return rows[0]!;
}

/** The agency's placements as a list: `q` searches candidate, job and company; newest first by default. */
export const PLACEMENT_LIST = {
  search: ['candidate_name', 'job_title', 'company'],
  sort: {
    created_at: { column: 'created_at', order: 'desc' },
    start_date: { column: 'start_date', order: 'desc' },
    candidate: { column: 'candidate_name', order: 'asc' },
    margin: { column: 'margin', order: 'desc' },
  },
  defaultSort: 'created_at',
} as const satisfies ListSpec;

export async function listPlacementsPage(
  tx: DbContext,
  tenantId: number,
  query: ListQuery<keyof typeof PLACEMENT_LIST.sort>,
): Promise<{ items: PlacementView[]; total: number }> {
  return listPage<PlacementView, keyof typeof PLACEMENT_LIST.sort>(
    tx.sql,
    { text: `${PLACEMENT_SELECT} WHERE p.tenant_id = $1`, params: [tenantId] },
    PLACEMENT_LIST,
    query,
  );
}
