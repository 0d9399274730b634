import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { type JOB_STATUSES, jobPostings } from '../schema.js';

export type JobPosting = typeof jobPostings.$inferSelect;
export type NewJobPosting = typeof jobPostings.$inferInsert;
export type JobStatus = (typeof JOB_STATUSES)[number];

export function jobPostingRepository({ db }: DbContext) {
  return {
    async insert(input: NewJobPosting): Promise<JobPosting> {
      const [row] = await db.insert(jobPostings).values(input).returning();
      return row!;
    },
    async findById(id: number): Promise<JobPosting | undefined> {
      const [row] = await db.select().from(jobPostings).where(eq(jobPostings.id, id));
      return row;
    },
    async findByExternalId(platform: string, externalJobId: string): Promise<JobPosting | undefined> {
      const [row] = await db
        .select()
        .from(jobPostings)
        .where(and(eq(jobPostings.platform, platform), eq(jobPostings.external_job_id, externalJobId)));
      return row;
    },
    findByIds(ids: number[]): Promise<JobPosting[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.select().from(jobPostings).where(inArray(jobPostings.id, ids));
    },
    listActive(options: { limit?: number; offset?: number } = {}): Promise<JobPosting[]> {
      return db
        .select()
        .from(jobPostings)
        .where(eq(jobPostings.status, 'active'))
        .orderBy(desc(jobPostings.imported_at), desc(jobPostings.id))
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0);
    },
    async setStatus(id: number, status: JobStatus): Promise<JobPosting | undefined> {
      const [row] = await db
        .update(jobPostings)
        .set({ status, updated_at: sql`now()` })
        .where(eq(jobPostings.id, id))
        .returning();
      return row;
    },
  };
}
