import type { DbContext } from '../db/database.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError, type FieldProblem, isAppError } from '../errors.js';
import { type NormalizedRole, normalizeRole } from './normalize-role.js';
import { recountRoles } from './role-candidate-counts.js';

export interface CandidateRoleLink {
  inputText: string;
  role: { id: number; name: string };
  /** `manual`: a recruiter chose the role for this text; later profile edits keep that choice. */
  method: NonNullable<NormalizedRole['method']> | 'manual';
  confidence: number;
}

export interface SetCandidateRolesResult {
  links: CandidateRoleLink[];
  addedRoleIds: number[];
  removedRoleIds: number[];
}

/**
 * Links a candidate to the canonical roles of its preferred roles, creating roles that do not exist yet.
 * Run it inside the transaction that writes `preferred_roles`: links, removals and the affected roles'
 * candidate counts commit together. Invalid role texts fail the whole call with every bad entry listed.
 */
export async function setCandidateRoles(
  tx: DbContext,
  provider: EmbeddingProvider,
  tenantId: number,
  candidateId: number,
  preferredRoles: readonly string[],
  options: { threshold?: number } = {},
): Promise<SetCandidateRolesResult> {
  const { rows: found } = await tx.sql.query(
    'SELECT id FROM candidates WHERE id = $1 AND tenant_id = $2 FOR UPDATE',
    [candidateId, tenantId],
  );
  if (found.length === 0) throw AppError.notFound(`Candidate ${candidateId}`);

  const problems: FieldProblem[] = [];
  const byRole = new Map<number, CandidateRoleLink>();
  const { rows: manual } = await tx.sql.query<{ input_text: string; id: number; name: string }>(
    `SELECT l.input_text, r.id, r.name FROM candidate_global_roles l JOIN global_roles r ON r.id = l.global_role_id
     WHERE l.candidate_id = $1 AND l.match_method = 'manual' AND l.input_text IS NOT NULL`,
    [candidateId],
  );
  const chosen = new Map(manual.map((link) => [link.input_text.trim().toLowerCase(), link]));
  for (const [i, text] of preferredRoles.entries()) {
    const choice = chosen.get(text.trim().toLowerCase());
    if (choice) {
      if (!byRole.has(choice.id)) {
        byRole.set(choice.id, {
          inputText: text.trim().slice(0, 200),
          role: { id: choice.id, name: choice.name },
          method: 'manual',
          confidence: 1,
        });
      }
      continue;
    }
    try {
      const result = await normalizeRole(tx, provider, text, { create: true, ...options });
      if (result.role && result.method && !byRole.has(result.role.id)) {
        byRole.set(result.role.id, {
          inputText: text.trim().slice(0, 200),
          role: result.role,
          method: result.method,
          confidence: result.confidence,
        });
      }
    } catch (error) {
      if (!isAppError(error) || error.code !== 'validation_failed') throw error;
      problems.push({ field: `preferred_roles.${i}`, message: error.errors?.[0]?.message ?? error.message });
    }
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', 'Some preferred roles are not role names.', { errors: problems });
  }

  const links = [...byRole.values()];
  const roleIds = links.map((link) => link.role.id);
  const { rows: removed } = await tx.sql.query<{ global_role_id: number }>(
    `DELETE FROM candidate_global_roles WHERE candidate_id = $1 AND NOT (global_role_id = ANY($2::int[]))
     RETURNING global_role_id`,
    [candidateId, roleIds],
  );
  const { rows: upserted } = await tx.sql.query<{ global_role_id: number; inserted: boolean }>(
    `INSERT INTO candidate_global_roles (candidate_id, global_role_id, input_text, match_method, confidence)
     SELECT $1, l.role_id, l.input_text, l.method, l.confidence
     FROM unnest($2::int[], $3::text[], $4::text[], $5::real[]) AS l(role_id, input_text, method, confidence)
     ON CONFLICT (candidate_id, global_role_id) DO UPDATE
       SET input_text = EXCLUDED.input_text, match_method = EXCLUDED.match_method, confidence = EXCLUDED.confidence
     RETURNING global_role_id, (xmax = 0) AS inserted`,
    [
      candidateId,
      roleIds,
      links.map((link) => link.inputText),
      links.map((link) => link.method),
      links.map((link) => link.confidence),
    ],
  );
  const addedRoleIds = upserted.filter((row) => row.inserted).map((row) => row.global_role_id);
  const removedRoleIds = removed.map((row) => row.global_role_id);
  await recountRoles(tx.sql, [...addedRoleIds, ...removedRoleIds]);
  return { links, addedRoleIds, removedRoleIds };
}

/** `setCandidateRoles` bound to a provider: what the candidate service's RoleSync expects. */
export function roleSyncFor(provider: EmbeddingProvider, options: { threshold?: number } = {}) {
  return {
    setCandidateRoles: (tx: DbContext, tenantId: number, candidateId: number, preferredRoles: string[]) =>
      setCandidateRoles(tx, provider, tenantId, candidateId, preferredRoles, options),
  };
}
