import { eq } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { roleJobMapping } from '../schema.js';

export function roleJobMappingRepository({ db, sql: raw }: DbContext) {
  return {
    /** Links jobs to a role; existing links are kept. Returns how many links were new. */
    async link(roleId: number, jobIds: number[]): Promise<number> {
      if (jobIds.length === 0) return 0;
      const rows = await db
        .insert(roleJobMapping)
        // Key order: two transactions linking overlapping jobs wait for each other instead of deadlocking.
        .values(
          [...jobIds]
            .sort((a, b) => a - b)
            .map((job_posting_id) => ({ global_role_id: roleId, job_posting_id })),
        )
        .onConflictDoNothing()
        .returning({ id: roleJobMapping.id });
      return rows.length;
    },
    /** Links jobs to the role they were normalized to, where they have one. */
    async linkToTheirRoles(jobIds: number[]): Promise<number> {
      if (jobIds.length === 0) return 0;
      const { rowCount } = await raw.query(
        `INSERT INTO role_job_mapping (global_role_id, job_posting_id)
         SELECT normalized_role_id, id FROM job_postings WHERE id = ANY($1::int[]) AND normalized_role_id IS NOT NULL
         ORDER BY normalized_role_id, id
         ON CONFLICT DO NOTHING`,
        [jobIds],
      );
      return rowCount;
    },
    async jobIdsForRole(roleId: number): Promise<number[]> {
      const rows = await db
        .select({ id: roleJobMapping.job_posting_id })
        .from(roleJobMapping)
        .where(eq(roleJobMapping.global_role_id, roleId));
      return rows.map((row) => row.id);
    },
  };
}
