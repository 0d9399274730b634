import type { DbContext } from '../db/database.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError, type FieldProblem, isAppError } from '../errors.js';
import { type NormalizedRole, normalizeRole } from './normalize-role.js';
import { recountRoles } from './role-candidate-counts.js';
import {
  lockTenantCandidate,
  manualRoleChoices,
  unlinkRolesExcept,
  upsertRoleLinks,
} from './role-link-queries.js';

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
  if (!(await lockTenantCandidate(tx.sql, tenantId, candidateId)))
    throw AppError.notFound(`Candidate ${candidateId}`);

  const problems: FieldProblem[] = [];
  const byRole = new Map<number, CandidateRoleLink>();
  const manual = await manualRoleChoices(tx.sql, candidateId);
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
  const removed = await unlinkRolesExcept(tx.sql, candidateId, roleIds);
  const upserted = await upsertRoleLinks(tx.sql, candidateId, links);
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
