import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { type APPLICATION_STATUSES, type APPLIED_VIA, candidates, jobApplications } from '../schema.js';

export type JobApplication = typeof jobApplications.$inferSelect;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type AppliedVia = (typeof APPLIED_VIA)[number];

/** Applications belong to a tenant through their candidate; every method takes the tenant id first. */
export function jobApplicationRepository({ db }: DbContext) {
  const columns = getTableColumns(jobApplications);
  const ownedBy = (tenantId: number) =>
    sql`${jobApplications.candidate_id} IN (SELECT id FROM ${candidates} WHERE ${candidates.tenant_id} = ${tenantId})`;
  return {
    /** Returns undefined when the candidate is not this tenant's. */
    async create(
      tenantId: number,
      input: {
        candidate_id: number;
        job_posting_id: number;
        match_id?: number | null;
        applied_via?: AppliedVia | null;
        cover_letter?: string | null;
        notes?: string | null;
      },
    ): Promise<JobApplication | undefined> {
      const [owner] = await db
        .select({ id: candidates.id })
        .from(candidates)
        .where(and(eq(candidates.id, input.candidate_id), eq(candidates.tenant_id, tenantId)));
      if (!owner) return undefined;
      const [row] = await db
        .insert(jobApplications)
        .values({ ...input, status_updated_at: sql`now()` })
        .returning();
      return row;
    },
    async findById(tenantId: number, id: number): Promise<JobApplication | undefined> {
      const [row] = await db
        .select(columns)
        .from(jobApplications)
        .where(and(eq(jobApplications.id, id), ownedBy(tenantId)));
      return row;
    },
    listForCandidate(tenantId: number, candidateId: number): Promise<JobApplication[]> {
      return db
        .select(columns)
        .from(jobApplications)
        .where(and(eq(jobApplications.candidate_id, candidateId), ownedBy(tenantId)))
        .orderBy(desc(jobApplications.applied_at), desc(jobApplications.id));
    },
    async setStatus(
      tenantId: number,
      id: number,
      status: ApplicationStatus,
    ): Promise<JobApplication | undefined> {
      const [row] = await db
        .update(jobApplications)
        .set({ application_status: status, status_updated_at: sql`now()`, updated_at: sql`now()` })
        .where(and(eq(jobApplications.id, id), ownedBy(tenantId)))
        .returning();
      return row;
    },
  };
}
