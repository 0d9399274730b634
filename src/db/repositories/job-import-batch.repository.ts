import { desc, eq, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { type ListQuery, type ListSpec, listPage } from '../list-page.js';
import { type IMPORT_STATUSES, jobImportBatches } from '../schema.js';

export type JobImportBatch = typeof jobImportBatches.$inferSelect;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export interface ImportCounts {
  new_jobs: number;
  updated_jobs: number;
  unchanged_jobs: number;
  failed_jobs: number;
}

const counted = sql`${jobImportBatches.new_jobs} + ${jobImportBatches.updated_jobs} + ${jobImportBatches.unchanged_jobs}`;

/** Import batches as a list: `q` searches file name, platform and status; newest first by default. */
export const IMPORT_BATCH_LIST = {
  search: ['file_name', 'platform', 'import_status'],
  sort: {
    started_at: { column: 'started_at', order: 'desc' },
    file_name: { column: 'file_name', order: 'asc' },
    total_jobs: { column: 'total_jobs', order: 'desc' },
    failed_jobs: { column: 'failed_jobs', order: 'desc' },
  },
  defaultSort: 'started_at',
} as const satisfies ListSpec;

export function jobImportBatchRepository({ db, sql: raw }: DbContext) {
  return {
    async create(input: {
      batch_id: string;
      platform: string;
      file_name?: string | null;
      format?: string | null;
      imported_by?: number | null;
    }): Promise<JobImportBatch> {
      const [row] = await db.insert(jobImportBatches).values(input).returning();
      return row!;
    },
    async findById(id: number): Promise<JobImportBatch | undefined> {
      const [row] = await db.select().from(jobImportBatches).where(eq(jobImportBatches.id, id));
      return row;
    },
    /** A page of batches: `q` searches file name, platform and status; newest first by default. */
    page(query: ListQuery<keyof typeof IMPORT_BATCH_LIST.sort>) {
      return listPage<JobImportBatch, keyof typeof IMPORT_BATCH_LIST.sort>(
        raw,
        { text: 'SELECT * FROM job_import_batches', params: [] },
        IMPORT_BATCH_LIST,
        query,
      );
    },
    list(options: { limit?: number; offset?: number } = {}): Promise<JobImportBatch[]> {
      return db
        .select()
        .from(jobImportBatches)
        .orderBy(desc(jobImportBatches.started_at), desc(jobImportBatches.id))
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0);
    },
    /** Adds a chunk's counts; `total_jobs` always equals new + updated + unchanged + failed. */
    async addCounts(id: number, counts: ImportCounts): Promise<void> {
      await db
        .update(jobImportBatches)
        .set({
          new_jobs: sql`${jobImportBatches.new_jobs} + ${counts.new_jobs}`,
          updated_jobs: sql`${jobImportBatches.updated_jobs} + ${counts.updated_jobs}`,
          unchanged_jobs: sql`${jobImportBatches.unchanged_jobs} + ${counts.unchanged_jobs}`,
          failed_jobs: sql`${jobImportBatches.failed_jobs} + ${counts.failed_jobs}`,
          total_jobs: sql`${jobImportBatches.total_jobs} + ${
            counts.new_jobs + counts.updated_jobs + counts.unchanged_jobs + counts.failed_jobs
          }`,
          heartbeat_at: sql`now()`,
        })
        .where(eq(jobImportBatches.id, id));
    },
    /**
     * Ends a batch: `completed` when every row was written, `partial` when some failed or the import
     * stopped early after writing rows, `failed` when nothing could be written.
     */
    async finish(
      id: number,
      outcome: { error_message?: string | null; aborted?: boolean; platform?: string },
    ): Promise<JobImportBatch> {
      const [row] = await db
        .update(jobImportBatches)
        .set({
          ...(outcome.platform ? { platform: outcome.platform } : {}),
          import_status: sql`CASE
            WHEN ${counted} = 0 AND (${jobImportBatches.failed_jobs} > 0 OR ${outcome.aborted ?? false}) THEN 'failed'
            WHEN ${jobImportBatches.failed_jobs} > 0 OR ${outcome.aborted ?? false} THEN 'partial'
            ELSE 'completed' END`,
          error_message: outcome.error_message ?? null,
          completed_at: sql`now()`,
        })
        .where(eq(jobImportBatches.id, id))
        .returning();
      return row!;
    },
    /** Imports whose process died leave `in_progress` rows: end them, keeping what they wrote. */
    async recoverStale(staleAfterSeconds: number): Promise<JobImportBatch[]> {
      return db
        .update(jobImportBatches)
        .set({
          import_status: sql`CASE WHEN ${counted} > 0 THEN 'partial' ELSE 'failed' END`,
          error_message: 'Interrupted: the import stopped before reaching the end of the file.',
          completed_at: sql`now()`,
        })
        .where(
          sql`${jobImportBatches.import_status} = 'in_progress'
              AND ${jobImportBatches.heartbeat_at} <= now() - make_interval(secs => ${staleAfterSeconds})`,
        )
        .returning();
    },
  };
}
