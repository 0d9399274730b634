import type { SqlExecutor } from '../db/database.js';

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
  const { rows: before } = await sql.query<{ id: number; candidate_count: number | null }>(
    'SELECT id, candidate_count FROM global_roles WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  await sql.query('SELECT jobmatch_recount_role_candidates($1::int[])', [ids]);
  const wereEmpty = before.filter((role) => (role.candidate_count ?? 0) === 0).map((role) => role.id);
  if (wereEmpty.length === 0) return;
  await sql.query(
    `UPDATE global_roles SET queue_status = 'pending'
     WHERE id = ANY($1::int[]) AND candidate_count > 0 AND queue_status IS DISTINCT FROM 'processing'`,
    [wereEmpty],
  );
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
  const { rows } = await tx.sql.query<{ id: number }>(
    'SELECT DISTINCT global_role_id AS id FROM candidate_global_roles WHERE candidate_id = ANY($1::int[])',
    [candidateIds],
  );
  return rows.map((row) => row.id);
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
  const { rows } = await ctx.sql.query<CountDrift>(
    `SELECT g.id, g.name, g.candidate_count AS stored, count(l.id)::int AS actual
     FROM global_roles g LEFT JOIN candidate_global_roles l ON l.global_role_id = g.id
     GROUP BY g.id
     HAVING g.candidate_count IS DISTINCT FROM count(l.id)::int
     ORDER BY g.id`,
  );
  if (options.fix !== false && rows.length > 0) {
    await recountRoles(
      ctx.sql,
      rows.map((row) => row.id),
    );
  }
  return rows;
}
