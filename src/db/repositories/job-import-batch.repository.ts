import { desc, eq, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { type IMPORT_STATUSES, jobImportBatches } from '../schema.js';

export type JobImportBatch = typeof jobImportBatches.$inferSelect;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export function jobImportBatchRepository({ db }: DbContext) {
  return {
    async create(input: {
      batch_id: string;
      platform: string;
      file_name?: string | null;
      imported_by?: number | null;
    }): Promise<JobImportBatch> {
      const [row] = await db.insert(jobImportBatches).values(input).returning();
      return row!;
    },
    async findById(id: number): Promise<JobImportBatch | undefined> {
      const [row] = await db.select().from(jobImportBatches).where(eq(jobImportBatches.id, id));
      return row;
    },
    list(options: { limit?: number; offset?: number } = {}): Promise<JobImportBatch[]> {
      return db
        .select()
        .from(jobImportBatches)
        .orderBy(desc(jobImportBatches.started_at), desc(jobImportBatches.id))
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0);
    },
    async finish(
      id: number,
      result: {
        import_status: Exclude<ImportStatus, 'in_progress'>;
        total_jobs: number;
        new_jobs: number;
        updated_jobs: number;
        failed_jobs: number;
        error_message?: string | null;
      },
    ): Promise<JobImportBatch | undefined> {
      const [row] = await db
        .update(jobImportBatches)
        .set({ ...result, completed_at: sql`now()` })
        .where(eq(jobImportBatches.id, id))
        .returning();
      return row;
    },
  };
}
