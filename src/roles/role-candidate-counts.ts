import type { SqlExecutor } from '../db/database.js';
import {
  lockRoleCounts,
  queueRolesThatGainedCandidates,
  recountRoleCandidatesOf,
  roleIdsLinkedToCandidates,
  rolesWithWrongCount,
} from './role-queries.js';

/**
 * `global_roles.candidate_count` is derived from `candidate_global_roles`: every writer of links recounts the
 * roles it touched, set-based, in its own transaction. The role rows are locked first (in id order, so two
 * writers never deadlock); in READ COMMITTED the count then runs as a new statement whose snapshot includes
 * every link committed by a writer that held the lock before, so the last writer always stores the exact
 * count. The count itself goes through `jobmatch_recount_role_candidates` (SECURITY DEFINER, migration 0004):
 * under row-level security the application role sees only its own tenant's links and would undercount.
 * A role whose count goes from 0 to more enters the scrape queue as pending (unless it is being scraped now).
 */
export async function recountRoles(sql: SqlExecutor, roleIds: readonly number[]): Promise<void> {
  const ids = [...new Set(roleIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  const before = await lockRoleCounts(sql, ids);
  await recountRoleCandidatesOf(sql, ids);
  const wereEmpty = before.filter((role) => (role.candidate_count ?? 0) === 0).map((role) => role.id);
  if (wereEmpty.length === 0) return;
  await queueRolesThatGainedCandidates(sql, wereEmpty);
}

/**
 * For callers that delete candidates: the FK cascade removes their links, then this recounts the roles they
 * were linked to. Read the role ids BEFORE deleting (`roleIdsOfCandidates`), call this after, in the same
 * transaction.
 */
export async function afterCandidatesDeleted(
  tx: { sql: SqlExecutor },
  roleIds: readonly number[],
): Promise<void> {
  await recountRoles(tx.sql, roleIds);
}

/** The roles linked to any of these candidates (to recount after deleting them). */
export async function roleIdsOfCandidates(
  tx: { sql: SqlExecutor },
  candidateIds: readonly number[],
): Promise<number[]> {
  if (candidateIds.length === 0) return [];
  return roleIdsLinkedToCandidates(tx.sql, candidateIds);
}

export interface CountDrift {
  id: number;
  name: string;
  stored: number | null;
  actual: number;
}

/**
 * Recomputes every role's candidate count from the links and reports the roles whose stored count was wrong
 * (`fix: false` only reports). In a correct system the report is empty.
 */
export async function recountRoleCandidates(
  ctx: { sql: SqlExecutor },
  options: { fix?: boolean } = {},
): Promise<CountDrift[]> {
  const rows = await rolesWithWrongCount(ctx.sql);
  if (options.fix !== false && rows.length > 0) {
    await recountRoles(
      ctx.sql,
      rows.map((row) => row.id),
    );
  }
  return rows;
}
