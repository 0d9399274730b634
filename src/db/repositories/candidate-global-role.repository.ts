import { and, eq, exists, inArray, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { candidateGlobalRoles, candidates } from '../schema.js';

/** Links between a tenant's candidates and global roles; tenant first, checked through the candidate. */
export function candidateGlobalRoleRepository({ db, sql: raw }: DbContext) {
  const candidateInTenant = (tenantId: number, candidateId: number) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(candidates)
        .where(and(eq(candidates.id, candidateId), eq(candidates.tenant_id, tenantId))),
    );
  return {
    async roleIdsForCandidate(tenantId: number, candidateId: number): Promise<number[]> {
      const rows = await db
        .select({ id: candidateGlobalRoles.global_role_id })
        .from(candidateGlobalRoles)
        .where(
          and(eq(candidateGlobalRoles.candidate_id, candidateId), candidateInTenant(tenantId, candidateId)),
        );
      return rows.map((row) => row.id);
    },
    /** Adds links that do not exist yet; returns the role ids that were newly linked. */
    async link(tenantId: number, candidateId: number, roleIds: number[]): Promise<number[]> {
      if (roleIds.length === 0) return [];
      const { rows } = await raw.query<{ global_role_id: number }>(
        `INSERT INTO candidate_global_roles (candidate_id, global_role_id)
         SELECT c.id, role_id FROM candidates c, unnest($3::int[]) AS role_id
         WHERE c.id = $2 AND c.tenant_id = $1
         ON CONFLICT DO NOTHING
         RETURNING global_role_id`,
        [tenantId, candidateId, roleIds],
      );
      return rows.map((row) => row.global_role_id);
    },
    /** Removes links; returns the role ids that were unlinked. */
    async unlink(tenantId: number, candidateId: number, roleIds: number[]): Promise<number[]> {
      if (roleIds.length === 0) return [];
      const rows = await db
        .delete(candidateGlobalRoles)
        .where(
          and(
            eq(candidateGlobalRoles.candidate_id, candidateId),
            inArray(candidateGlobalRoles.global_role_id, roleIds),
            candidateInTenant(tenantId, candidateId),
          ),
        )
        .returning({ id: candidateGlobalRoles.global_role_id });
      return rows.map((row) => row.id);
    },
  };
}
