import type { SqlExecutor } from '../db/database.js';
import { AppError } from '../errors.js';

export interface RoleLinkReview {
  id: number;
  role_text: string;
  global_role_id: number;
  role_name: string;
  confidence: number;
  reason: string;
  status: string;
  created_at: Date;
}

/** Open low-confidence links, lowest confidence first, for an admin to confirm or reject. */
export async function listOpenRoleLinkReviews(sql: SqlExecutor, limit: number): Promise<RoleLinkReview[]> {
  const { rows } = await sql.query<RoleLinkReview>(
    `SELECT r.id, r.role_text, r.global_role_id, g.name AS role_name, r.confidence, r.reason, r.status,
            r.created_at
     FROM role_link_reviews r JOIN global_roles g ON g.id = r.global_role_id
     WHERE r.status = 'open'
     ORDER BY r.confidence, r.created_at, r.id
     LIMIT $1`,
    [limit],
  );
  return rows;
}

/** Closes a review; confirming it also approves the role it points at (it becomes canonical). */
export async function closeRoleLinkReview(
  sql: SqlExecutor,
  id: number,
  status: 'confirmed' | 'rejected',
): Promise<RoleLinkReview> {
  const { rows } = await sql.query<{ global_role_id: number }>(
    `UPDATE role_link_reviews SET status = $2 WHERE id = $1 AND status = 'open' RETURNING global_role_id`,
    [id, status],
  );
  if (!rows[0]) throw new AppError('not_found', `No open role review ${id}.`);
  if (status === 'confirmed') await approveRole(sql, rows[0].global_role_id);
  const { rows: review } = await sql.query<RoleLinkReview>(
    `SELECT r.id, r.role_text, r.global_role_id, g.name AS role_name, r.confidence, r.reason, r.status,
            r.created_at
     FROM role_link_reviews r JOIN global_roles g ON g.id = r.global_role_id WHERE r.id = $1`,
    [id],
  );
  return review[0]!;
}

/** Marks a role created on the fly as approved: normalization then prefers it like a seeded role. */
export async function approveRole(sql: SqlExecutor, roleId: number): Promise<{ id: number; name: string }> {
  const { rows } = await sql.query<{ id: number; name: string }>(
    `UPDATE global_roles SET canonical = true, updated_at = now() WHERE id = $1 RETURNING id, name`,
    [roleId],
  );
  if (!rows[0]) throw new AppError('not_found', `No role ${roleId}.`);
  return rows[0];
}
