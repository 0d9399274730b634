import type { SqlExecutor } from '../db/database.js';
import type { RelinkProposal, StoredRoleLink } from '../domain/roles/propose-merges.js';
import type { RoleLinkReview } from './role-link-reviews.js';
import type { CandidateRoleLink } from './set-candidate-roles.js';

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

const REVIEW_SELECT = `SELECT r.id, r.role_text, r.global_role_id, g.name AS role_name, r.confidence, r.reason, r.status,
            r.created_at
     FROM role_link_reviews r JOIN global_roles g ON g.id = r.global_role_id`;

/** Open low-confidence links, lowest confidence first. */
export async function openRoleLinkReviews(sql: SqlExecutor, limit: number): Promise<RoleLinkReview[]> {
  const { rows } = await sql.query<RoleLinkReview>(
    `${REVIEW_SELECT}
     WHERE r.status = 'open'
     ORDER BY r.confidence, r.created_at, r.id
     LIMIT $1`,
    [limit],
  );
  return rows;
}

/** Closes an open review with `status`; the role it points at, or undefined when no such review is open. */
export async function setOpenReviewStatus(
  sql: SqlExecutor,
  id: number,
  status: 'confirmed' | 'rejected',
): Promise<number | undefined> {
  const { rows } = await sql.query<{ global_role_id: number }>(
    `UPDATE role_link_reviews SET status = $2 WHERE id = $1 AND status = 'open' RETURNING global_role_id`,
    [id, status],
  );
  return rows[0]?.global_role_id;
}

export async function findRoleLinkReview(sql: SqlExecutor, id: number): Promise<RoleLinkReview | undefined> {
  const { rows } = await sql.query<RoleLinkReview>(`${REVIEW_SELECT} WHERE r.id = $1`, [id]);
  return rows[0];
}

/** Marks a role canonical; undefined when there is no such role. */
export async function markRoleCanonical(
  sql: SqlExecutor,
  roleId: number,
): Promise<{ id: number; name: string } | undefined> {
  const { rows } = await sql.query<{ id: number; name: string }>(
    `UPDATE global_roles SET canonical = true, updated_at = now() WHERE id = $1 RETURNING id, name`,
    [roleId],
  );
  return rows[0];
}

/** Locks the tenant's candidate row; false when the tenant has no such candidate. */
export async function lockTenantCandidate(
  sql: SqlExecutor,
  tenantId: number,
  candidateId: number,
): Promise<boolean> {
  const { rows } = await sql.query('SELECT id FROM candidates WHERE id = $1 AND tenant_id = $2 FOR UPDATE', [
    candidateId,
    tenantId,
  ]);
  return rows.length > 0;
}

/** The roles a recruiter chose by hand for the candidate's role texts. */
export async function manualRoleChoices(
  sql: SqlExecutor,
  candidateId: number,
): Promise<{ input_text: string; id: number; name: string }[]> {
  const { rows } = await sql.query<{ input_text: string; id: number; name: string }>(
    `SELECT l.input_text, r.id, r.name FROM candidate_global_roles l JOIN global_roles r ON r.id = l.global_role_id
     WHERE l.candidate_id = $1 AND l.match_method = 'manual' AND l.input_text IS NOT NULL`,
    [candidateId],
  );
  return rows;
}

/** Removes the candidate's links to roles other than `roleIds`; the roles unlinked. */
export async function unlinkRolesExcept(
  sql: SqlExecutor,
  candidateId: number,
  roleIds: readonly number[],
): Promise<{ global_role_id: number }[]> {
  const { rows } = await sql.query<{ global_role_id: number }>(
    `DELETE FROM candidate_global_roles WHERE candidate_id = $1 AND NOT (global_role_id = ANY($2::int[]))
     RETURNING global_role_id`,
    [candidateId, roleIds],
  );
  return rows;
}

/** Inserts or updates the candidate's links, set-based; each role with whether its link is new. */
export async function upsertRoleLinks(
  sql: SqlExecutor,
  candidateId: number,
  links: readonly CandidateRoleLink[],
): Promise<{ global_role_id: number; inserted: boolean }[]> {
  const { rows } = await sql.query<{ global_role_id: number; inserted: boolean }>(
    `INSERT INTO candidate_global_roles (candidate_id, global_role_id, input_text, match_method, confidence)
     SELECT $1, l.role_id, l.input_text, l.method, l.confidence
     FROM unnest($2::int[], $3::text[], $4::text[], $5::real[]) AS l(role_id, input_text, method, confidence)
     ON CONFLICT (candidate_id, global_role_id) DO UPDATE
       SET input_text = EXCLUDED.input_text, match_method = EXCLUDED.match_method, confidence = EXCLUDED.confidence
     RETURNING global_role_id, (xmax = 0) AS inserted`,
    [
      candidateId,
      links.map((link) => link.role.id),
      links.map((link) => link.inputText),
      links.map((link) => link.method),
      links.map((link) => link.confidence),
    ],
  );
  return rows;
}

/** Files an open review of a low-confidence link; one entry per text and role. */
export async function insertOpenRoleLinkReview(
  sql: SqlExecutor,
  text: string,
  roleId: number,
  confidence: number,
  reason: string,
): Promise<void> {
  await sql.query(
    `INSERT INTO role_link_reviews (role_text, global_role_id, confidence, reason)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (role_text, global_role_id) DO NOTHING`,
    [text, roleId, confidence, reason],
  );
}

export interface LinkWithRoleName {
  id: number;
  global_role_id: number;
  role_name: string;
  input_text: string;
}

/** The candidate's role links whose text is `inputText` (ignoring case and surrounding spaces). */
export async function candidateRoleLinksWithText(
  sql: SqlExecutor,
  candidateId: number,
  inputText: string,
): Promise<LinkWithRoleName[]> {
  const { rows } = await sql.query<LinkWithRoleName>(
    `SELECT l.id, l.global_role_id, r.name AS role_name, l.input_text FROM candidate_global_roles l
     JOIN global_roles r ON r.id = l.global_role_id
     WHERE l.candidate_id = $1 AND lower(trim(l.input_text)) = lower(trim($2))`,
    [candidateId, inputText],
  );
  return rows;
}

/** Drops the candidate's other links (not `keepLinkId`) to `roleId`. */
export async function deleteOtherLinksToRole(
  sql: SqlExecutor,
  candidateId: number,
  roleId: number,
  keepLinkId: number,
): Promise<void> {
  await sql.query(
    `DELETE FROM candidate_global_roles WHERE candidate_id = $1 AND global_role_id = $2 AND id <> $3`,
    [candidateId, roleId, keepLinkId],
  );
}

/** Points the link at `roleId` as a recruiter's choice (`manual`, full confidence). */
export async function relinkManually(sql: SqlExecutor, linkId: number, roleId: number): Promise<void> {
  await sql.query(
    `UPDATE candidate_global_roles SET global_role_id = $2, match_method = 'manual', confidence = 1 WHERE id = $1`,
    [linkId, roleId],
  );
}

/** Marks the link as a recruiter's choice (`manual`, full confidence), keeping its role. */
export async function markLinkManual(sql: SqlExecutor, linkId: number): Promise<void> {
  await sql.query(`UPDATE candidate_global_roles SET match_method = 'manual', confidence = 1 WHERE id = $1`, [
    linkId,
  ]);
}
