import type { SqlExecutor } from '../db/database.js';
import { AppError } from '../errors.js';
import {
  findRoleLinkReview,
  markRoleCanonical,
  openRoleLinkReviews,
  setOpenReviewStatus,
} from './role-link-queries.js';

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
  return openRoleLinkReviews(sql, limit);
}

/** Closes a review; confirming it also approves the role it points at (it becomes canonical). */
export async function closeRoleLinkReview(
  sql: SqlExecutor,
  id: number,
  status: 'confirmed' | 'rejected',
): Promise<RoleLinkReview> {
  const roleId = await setOpenReviewStatus(sql, id, status);
  if (roleId === undefined) throw new AppError('not_found', `No open role review ${id}.`);
  if (status === 'confirmed') await approveRole(sql, roleId);
  return (await findRoleLinkReview(sql, id))!;
}

/** Marks a role created on the fly as approved: normalization then prefers it like a seeded role. */
export async function approveRole(sql: SqlExecutor, roleId: number): Promise<{ id: number; name: string }> {
  const role = await markRoleCanonical(sql, roleId);
  if (!role) throw new AppError('not_found', `No role ${roleId}.`);
  return role;
}
