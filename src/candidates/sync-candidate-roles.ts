import type { DbContext } from '../db/database.js';
import { afterCandidatesDeleted, roleIdsOfCandidates } from '../roles/role-candidate-counts.js';

/**
 * Role normalization of preferred roles, as the candidate service needs it: map each text to a canonical
 * global role, link them, unlink the rest and keep `global_roles.candidate_count` exact, all inside `tx`.
 * The app provides it with `roleSyncFor(provider)` from `src/roles/set-candidate-roles.ts`.
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

/** Runs `remove` (which deletes the candidate; its links cascade) and recounts the roles it was linked to. */
export async function removeCandidateRoles<T>(
  tx: DbContext,
  candidateId: number,
  remove: () => Promise<T>,
): Promise<T> {
  const roleIds = await roleIdsOfCandidates(tx, [candidateId]);
  const result = await remove();
  await afterCandidatesDeleted(tx, roleIds);
  return result;
}
