import type { SqlExecutor } from '../db/database.js';
import type { RelinkProposal, StoredRoleLink } from '../domain/roles/propose-merges.js';

/** Every candidate-role link that still has the text it was decided from, oldest first. */
export async function storedRoleLinks(sql: SqlExecutor): Promise<StoredRoleLink[]> {
  const { rows } = await sql.query<StoredRoleLink>(
    `SELECT id AS "linkId", candidate_id AS "candidateId", global_role_id AS "roleId",
            input_text AS "inputText", match_method AS method
     FROM candidate_global_roles WHERE input_text IS NOT NULL ORDER BY id`,
  );
  return rows;
}

/**
 * Moves each link to its proposed role: a candidate already linked to the target keeps that one link.
 * Returns how many links moved.
 */
export async function moveRoleLinks(sql: SqlExecutor, relinks: readonly RelinkProposal[]): Promise<number> {
  const linkIds = relinks.map((r) => r.linkId);
  await sql.query(
    `INSERT INTO candidate_global_roles (candidate_id, global_role_id, input_text, match_method, confidence, created_at)
     SELECT l.candidate_id, m.role_id, l.input_text, m.method, m.confidence, l.created_at
     FROM unnest($1::int[], $2::int[], $3::text[], $4::real[]) AS m(link_id, role_id, method, confidence)
     JOIN candidate_global_roles AS l ON l.id = m.link_id
     ON CONFLICT (candidate_id, global_role_id) DO NOTHING`,
    [linkIds, relinks.map((r) => r.toId), relinks.map((r) => r.method), relinks.map((r) => r.confidence)],
  );
  const { rowCount } = await sql.query('DELETE FROM candidate_global_roles WHERE id = ANY($1::int[])', [
    linkIds,
  ]);
  return rowCount ?? 0;
}
