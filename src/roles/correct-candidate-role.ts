import type { DbContext } from '../db/database.js';
import { AppError } from '../errors.js';
import { recountRoles } from './role-candidate-counts.js';

export interface CorrectedRole {
  input_text: string;
  previous_role: { id: number; name: string };
  role: { id: number; name: string };
}

/**
 * A recruiter overrides the canonical role one of a candidate's preferred roles was mapped to. The link is
 * marked `manual` (later profile edits keep it), both roles' counts stay exact, and the correction is filed
 * as a mapping report so platform admins can fix the mapping for everyone (an alias, a merge).
 */
export async function correctCandidateRole(
  tx: DbContext,
  tenantId: number,
  candidateId: number,
  input: { input_text: string; global_role_id: number; reported_by: number | null },
): Promise<CorrectedRole> {
  const { rows: owned } = await tx.sql.query(
    'SELECT 1 FROM candidates WHERE id = $1 AND tenant_id = $2 FOR UPDATE',
    [candidateId, tenantId],
  );
  if (owned.length === 0) throw AppError.notFound(`Candidate ${candidateId}`);
  const { rows: links } = await tx.sql.query<{
    id: number;
    global_role_id: number;
    role_name: string;
    input_text: string;
  }>(
    `SELECT l.id, l.global_role_id, r.name AS role_name, l.input_text FROM candidate_global_roles l
     JOIN global_roles r ON r.id = l.global_role_id
     WHERE l.candidate_id = $1 AND lower(trim(l.input_text)) = lower(trim($2))`,
    [candidateId, input.input_text],
  );
  const link = links[0];
  if (!link)
    throw AppError.notFound(`Preferred role "${input.input_text.slice(0, 80)}" of candidate ${candidateId}`);
  const { rows: roles } = await tx.sql.query<{ id: number; name: string }>(
    'SELECT id, name FROM global_roles WHERE id = $1',
    [input.global_role_id],
  );
  const role = roles[0];
  if (!role) throw AppError.notFound(`Role ${input.global_role_id}`);

  const previous = { id: link.global_role_id, name: link.role_name };
  if (previous.id !== role.id) {
    // The candidate may already want the chosen role through another text: then this link just goes away.
    await tx.sql.query(
      `DELETE FROM candidate_global_roles WHERE candidate_id = $1 AND global_role_id = $2 AND id <> $3`,
      [candidateId, role.id, link.id],
    );
    await tx.sql.query(
      `UPDATE candidate_global_roles SET global_role_id = $2, match_method = 'manual', confidence = 1 WHERE id = $1`,
      [link.id, role.id],
    );
    await recountRoles(tx.sql, [previous.id, role.id]);
    await tx.sql.query(
      `INSERT INTO role_mapping_reports (tenant_id, candidate_id, input_text, global_role_id, suggested_role_name, note, reported_by)
       VALUES ($1, $2, $3, $4, $5, 'Corrected for the candidate by a recruiter', $6)`,
      [tenantId, candidateId, link.input_text, previous.id, role.name, input.reported_by],
    );
  } else {
    await tx.sql.query(
      `UPDATE candidate_global_roles SET match_method = 'manual', confidence = 1 WHERE id = $1`,
      [link.id],
    );
  }
  return { input_text: link.input_text, previous_role: previous, role };
}
