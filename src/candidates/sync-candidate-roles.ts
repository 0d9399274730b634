import type { DbContext } from '../db/database.js';

/**
 * Role normalization of preferred roles, as the candidate service needs it: map each text to a canonical
 * global role, link them, unlink the rest and keep `global_roles.candidate_count` exact, all inside `tx`.
 * The composition root provides it (bound to the embedding provider); see `src/roles/`.
 */
export interface RoleSync {
  setCandidateRoles(
    tx: DbContext,
    tenantId: number,
    candidateId: number,
    preferredRoles: string[],
  ): Promise<unknown>;
}

/** The single call site through which candidate writes reach role normalization. */
export async function syncCandidateRoles(
  roles: RoleSync | undefined,
  tx: DbContext,
  tenantId: number,
  candidateId: number,
  preferredRoles: string[],
): Promise<void> {
  await roles?.setCandidateRoles(tx, tenantId, candidateId, preferredRoles);
}

/**
 * Recounts `global_roles.candidate_count` for `roleIds` from the links of every tenant. It goes through a
 * SECURITY DEFINER function because, under row-level security, the application role sees only its own
 * tenant's links and would undercount.
 */
export async function recountRoleCandidates(tx: DbContext, roleIds: readonly number[]): Promise<void> {
  if (roleIds.length === 0) return;
  await tx.sql.query('SELECT jobmatch_recount_role_candidates($1::int[])', [roleIds]);
}

/** Runs `remove` (which deletes the candidate, its links cascading) and recounts the roles it was linked to. */
export async function removeCandidateRoles<T>(
  tx: DbContext,
  tenantId: number,
  candidateId: number,
  remove: () => Promise<T>,
): Promise<T> {
  const { rows } = await tx.sql.query<{ global_role_id: number }>(
    `SELECT l.global_role_id FROM candidate_global_roles l JOIN candidates c ON c.id = l.candidate_id
      WHERE c.tenant_id = $1 AND c.id = $2`,
    [tenantId, candidateId],
  );
  const result = await remove();
  await recountRoleCandidates(
    tx,
    rows.map((row) => row.global_role_id),
  );
  return result;
}
