import { asc, count, eq } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { jobImportErrors } from '../schema.js';

export type JobImportError = typeof jobImportErrors.$inferSelect;
export interface NewImportError {
  row_number: number;
  field: string | null;
  reason: string;
  raw_record: string | null;
  /** `warning`: the row was stored with the field left empty; `error` (default): the row was not stored. */
  severity?: 'error' | 'warning';
}

export function jobImportErrorRepository({ db }: DbContext) {
  return {
    async insertMany(batchId: number, errors: readonly NewImportError[]): Promise<void> {
      if (errors.length === 0) return;
      await db.insert(jobImportErrors).values(errors.map((error) => ({ ...error, batch_id: batchId })));
    },
    listForBatch(
      batchId: number,
      options: { limit?: number; offset?: number } = {},
    ): Promise<JobImportError[]> {
      return db
        .select()
        .from(jobImportErrors)
        .where(eq(jobImportErrors.batch_id, batchId))
        .orderBy(asc(jobImportErrors.row_number), asc(jobImportErrors.id))
        .limit(options.limit ?? 100)
        .offset(options.offset ?? 0);
    },
    async countForBatch(batchId: number): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(jobImportErrors)
        .where(eq(jobImportErrors.batch_id, batchId));
      return row?.n ?? 0;
    },
  };
}
